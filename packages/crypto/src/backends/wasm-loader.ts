/**
 * @module Finding and instantiating ristretto255.wasm (spec §2.9) in Node and in the browser. The
 * module is referenced as `new URL(…, import.meta.url)`, which Vite turns into an ordinary emitted
 * asset with a hashed name (so the booth's integrity list covers it like any other file) and which
 * in Node is a file: URL read from disk. It needs no imports: libdecaf and the C layer use only
 * linear memory.
 */

/** The committed build (packages/crypto/wasm/build.sh rebuilds it byte for byte). */
const WASM_URL = new URL('../../wasm/ristretto255.wasm', import.meta.url);

/** node:fs/promises, named by a specifier the bundler does not follow (the browser never needs it). */
const NODE_FS = 'node:fs/promises';

/** The one function of node:fs/promises used here (the library names no Node built-in). */
interface NodeReadFile {
  readFile(path: URL): Promise<Uint8Array>;
}

/**
 * How a browser fetches the module: plain `fetch` by default; a page that checks what it runs
 * passes one that adds the file's Subresource Integrity (the booth, spec §10.7.3), so a module
 * that differs from the build is refused like any other file.
 */
export type WasmFetch = (url: URL) => Promise<Response>;

/** The bytes of ristretto255.wasm: read from disk under Node, fetched in a browser. */
async function wasmBytes(url: URL, fetchModule: WasmFetch): Promise<ArrayBuffer> {
  if (url.protocol === 'file:') {
    const fs = (await import(/* @vite-ignore */ NODE_FS)) as NodeReadFile;
    return new Uint8Array(await fs.readFile(url)).buffer; // a copy in a plain ArrayBuffer
  }
  const response = await fetchModule(url);
  if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Compiles and instantiates the module. Throws when WebAssembly is missing, refused (a CSP
 * without 'wasm-unsafe-eval') or the file cannot be read; the caller falls back to noble.
 */
export async function instantiateRistrettoWasm(
  fetchModule: WasmFetch = (url) => fetch(url),
  url: URL = WASM_URL
): Promise<WebAssembly.Instance> {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available here');
  const module = await WebAssembly.compile(await wasmBytes(url, fetchModule));
  return WebAssembly.instantiate(module, {});
}
