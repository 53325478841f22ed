/**
 * @module Choosing the group backend at run time (spec §2.6). All backends implement the same
 * {@link Group} and agree byte for byte, so the choice changes speed only: `native` (libdecaf
 * addon, Node only, optional) and `sodium` (libsodium WebAssembly) for the server and the
 * verifier, `wasm` (libdecaf WebAssembly) for the in-browser verifier, `noble` (pure JavaScript)
 * as the reference and wherever WebAssembly is refused.
 */
import type { Group } from '../group.ts';
import type * as NativeModule from './native.ts';
import { NativeBackendUnavailable } from './native-unavailable.ts';
import { nobleGroup } from './noble.ts';
import { loadSodiumGroup } from './sodium.ts';
import { loadWasmGroup } from './wasm.ts';
import type { WasmFetch } from './wasm-loader.ts';

/** native.ts, imported only on demand (Node only; it loads the addon). */
const NATIVE_MODULE = './native.ts';

/** The implementations of ristretto255; see {@link Group.backend}. */
export type Backend = Group['backend'];

/** Each loaded backend, loaded once; a failed load is forgotten so that a later call can retry. */
const loading = new Map<Backend, Promise<Group>>();

function loadOnce(backend: Backend, load: () => Promise<Group>): Promise<Group> {
  let group = loading.get(backend);
  if (group === undefined) {
    group = load().catch((error: unknown) => {
      loading.delete(backend);
      throw error;
    });
    loading.set(backend, group);
  }
  return group;
}

/**
 * The {@link Group} of the chosen backend. There is no silent fallback: if the sodium WebAssembly
 * or the native addon cannot load, this rejects with an error naming the cause
 * ({@link NativeBackendUnavailable} for `native`), and the caller decides what to ask for instead.
 * @example const group = await loadGroup('sodium');
 */
export async function loadGroup(backend: Backend = 'sodium'): Promise<Group> {
  switch (backend) {
    case 'noble':
      return nobleGroup;
    case 'sodium':
      return loadOnce(backend, loadSodiumGroup);
    case 'wasm':
      return loadOnce(backend, loadWasmGroup);
    case 'native':
      return loadOnce(backend, async () => {
        let native: typeof NativeModule;
        try {
          // A specifier the bundler cannot follow: the browser bundle never holds the Node loader.
          native = (await import(/* @vite-ignore */ NATIVE_MODULE)) as typeof NativeModule;
        } catch (cause) {
          // In a browser bundle the file is not there: unavailable, like an unbuilt addon.
          throw new NativeBackendUnavailable('native backend: its loader is not available here', {
            cause,
          });
        }
        return native.loadNativeGroup();
      });
    default:
      // Reachable only from untyped callers (a configuration file, say).
      throw new TypeError(`unknown group backend: ${String(backend satisfies never)}`);
  }
}

/**
 * The fastest backend this process can load: `native` if its addon is built, else `sodium`. Only
 * an unavailable addon falls back; any other failure of the native backend is a bug and throws.
 */
export async function loadFastestGroup(): Promise<Group> {
  try {
    return await loadGroup('native');
  } catch (error) {
    if (error instanceof NativeBackendUnavailable) return loadGroup('sodium');
    throw error;
  }
}

/**
 * The WebAssembly backend where WebAssembly runs (spec §2.9), else noble: for browsers, where a
 * page's CSP may refuse WebAssembly compilation. The fallback is silent but visible in
 * {@link Group.backend}.
 */
export async function loadBrowserGroup(fetchModule?: WasmFetch): Promise<Group> {
  try {
    return await loadWasmGroup(fetchModule);
  } catch {
    return loadGroup('noble');
  }
}
