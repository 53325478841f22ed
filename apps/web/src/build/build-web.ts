/**
 * @module Builds the web app with Vite into apps/web/dist: hashed file names, no inline script,
 * no module-preload polyfill (it would be inline-free but is not needed), Subresource Integrity
 * (sha384) on every script and stylesheet the HTML loads and, through the integrity table in the
 * entry script, on every worker (booth-worker.ts, spec §10.7.3), no dynamic chunk (each bundle is
 * one file), no libsodium, and `booth-digest.json` (spec §10.7.1). The output is byte-for-byte
 * reproducible: no time, no absolute path, chunk names from content. Run: `npm run build -w
 * @scrutineer/web [-- --api-origin https://board.example]`, or `buildWeb()` from tests.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Plugin, build } from 'vite';
import { writeBoothDigest } from './booth-digest-file.ts';

export const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** The string booth-worker.ts holds where the build writes the integrity table. */
const SRI_PLACEHOLDER = '__SCRUTINEER_SRI_TABLE__';

/**
 * In a worker, `import.meta.url` is the worker's real address, not the blob URL it runs from
 * (booth-worker.ts sets it first), so a worker can still find files beside it (a .wasm).
 */
function workerImportMeta(): Plugin {
  return {
    name: 'scrutineer-worker-import-meta',
    apply: 'build',
    resolveImportMeta: (property) =>
      property === 'url' ? '(globalThis.__scrutineerBooth?.url ?? import.meta.url)' : null,
  };
}

/** Adds `integrity` to the built HTML's script and stylesheet tags from the emitted bundle. */
function subresourceIntegrity(): Plugin {
  return {
    name: 'scrutineer-sri',
    apply: 'build',
    enforce: 'post',
    // Last of all generateBundle hooks: Vite's import analysis rewrites chunks that load others
    // dynamically (the board's proof checks) in its own generateBundle, after 'post' plugins.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sri = (source: string | Uint8Array): string =>
          `sha384-${createHash('sha384').update(source).digest('base64')}`;
        // The integrity table first: every file but the HTML and the chunks that carry the table
        // (a chunk cannot hold its own hash). Workers are assets of this bundle by now.
        const table: Record<string, string> = {};
        for (const output of Object.values(bundle)) {
          if (output.fileName.endsWith('.html')) continue;
          if (output.type === 'chunk' && output.code.includes(SRI_PLACEHOLDER)) continue;
          table[`/${output.fileName}`] = sri(output.type === 'chunk' ? output.code : output.source);
        }
        const sorted = Object.fromEntries(
          Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1))
        );
        const literal = JSON.stringify(JSON.stringify(sorted));
        for (const output of Object.values(bundle))
          if (output.type === 'chunk')
            output.code = output.code
              .split(`"${SRI_PLACEHOLDER}"`)
              .join(literal)
              .split(`'${SRI_PLACEHOLDER}'`)
              .join(literal);
        const digests = new Map<string, string>();
        for (const [fileName, output] of Object.entries(bundle)) {
          const source = output.type === 'chunk' ? output.code : output.source;
          digests.set(
            `/${fileName}`,
            `sha384-${createHash('sha384').update(source).digest('base64')}`
          );
        }
        for (const output of Object.values(bundle)) {
          if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
          const html = String(output.source);
          output.source = html.replace(
            /<(script|link)\b([^>]*?)\s(src|href)="([^"]+)"([^>]*)>/g,
            (whole, tag: string, before: string, attribute: string, url: string, after: string) => {
              const integrity = digests.get(url);
              if (integrity === undefined || /integrity=/.test(whole)) return whole;
              const crossorigin = /crossorigin/.test(whole) ? '' : ' crossorigin';
              return `<${tag}${before} ${attribute}="${url}"${after.replace(/\s*\/?$/, '')} integrity="${integrity}"${crossorigin}>`;
            }
          );
          if (/<script(?![^>]*\bsrc=)[^>]*>/.test(output.source))
            throw new Error('the built HTML has an inline script, which the page CSP forbids');
        }
      },
    },
  };
}

/**
 * What stands in for libsodium: it throws when used, not when evaluated, since with one file per
 * bundle the stub is evaluated when the worker starts, not when the sodium backend imports it.
 */
const LIBSODIUM_STUB = [
  "const leftOut = () => { throw new Error('libsodium is left out of the web build: the browser uses the noble backend'); };",
  'export default new Proxy({}, { get: leftOut });',
  '',
].join('\n');

/** The module that stands in for libsodium in the web build; see {@link withoutLibsodium}. */
const NO_LIBSODIUM = '\0scrutineer-no-libsodium';

/**
 * Leaves libsodium (≈ 535 kB) out of the build. The booth and the in-browser verifier use the
 * noble backend only (the verifier worker passes `group: nobleGroup`), but `verifyRecord` falls
 * back to `loadFastestGroup()` when given no group, which reaches the sodium backend's dynamic
 * `import('libsodium-wrappers-sumo')`, so Rollup would emit it as a chunk nothing loads. Here that
 * import gives a stub whose use fails instead, and `loadGroup('sodium')` in a browser rejects with the sodium backend's
 * own "failed to load" error, as it does wherever libsodium is missing.
 */
function withoutLibsodium(): Plugin {
  return {
    name: 'scrutineer-without-libsodium',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === 'libsodium-wrappers-sumo' ? NO_LIBSODIUM : null),
    load: (id) => (id === NO_LIBSODIUM ? LIBSODIUM_STUB : null),
  };
}

export interface BuildWebOptions {
  readonly quiet?: boolean;
  /**
   * The board's origin, for a booth a mirror serves from another origin (spec §10.7.4); empty or
   * absent, the booth talks to the origin it is served from.
   */
  readonly apiOrigin?: string;
  /** Where to build (default apps/web/dist). */
  readonly outDir?: string;
}

/** Builds the web app; returns the booth digest (spec §10.7.1) of what it wrote. */
export async function buildWeb(options: BuildWebOptions = {}): Promise<string> {
  const outDir = options.outDir ?? WEB_DIST;
  const apiOrigin = options.apiOrigin ?? '';
  if (apiOrigin !== '' && new URL(apiOrigin).origin !== apiOrigin)
    throw new Error(`--api-origin must be an origin such as https://vote.example: ${apiOrigin}`);
  await build({
    root: WEB_ROOT,
    configFile: false,
    logLevel: options.quiet ? 'error' : 'info',
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      sourcemap: false,
      reportCompressedSize: !options.quiet,
      // One file per bundle: a dynamic import would fetch a chunk no integrity covers.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
    define: { __SCRUTINEER_API_ORIGIN__: JSON.stringify(apiOrigin) },
    // Workers are bundled apart, with their own plugins: the verifier worker is what reaches libsodium.
    worker: {
      format: 'es',
      plugins: () => [withoutLibsodium(), workerImportMeta()],
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
    plugins: [withoutLibsodium(), subresourceIntegrity()],
  });
  return writeBoothDigest(outDir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : (process.argv[at + 1] ?? '');
  };
  const apiOrigin = argument('--api-origin');
  const outDir = argument('--out-dir');
  const digest = await buildWeb({
    ...(apiOrigin === undefined ? {} : { apiOrigin }),
    ...(outDir === undefined ? {} : { outDir }),
  });
  process.stdout.write(`booth digest ${digest}\n`);
}
