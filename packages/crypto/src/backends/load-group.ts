/**
 * @module Choosing the group backend at run time (spec §2.6). Both backends implement the same
 * {@link Group} and agree byte for byte, so the choice changes speed only: `sodium` (libsodium
 * WebAssembly) for the server and the verifier, `noble` (pure JavaScript) for the browser booth
 * and as the reference.
 */
import type { Group } from '../group.ts';
import { nobleGroup } from './noble.ts';
import { loadSodiumGroup } from './sodium.ts';

/** The two implementations of ristretto255; see {@link Group.backend}. */
export type Backend = Group['backend'];

/** The sodium group, loaded once; a failed load is forgotten so that a later call can retry. */
let sodiumGroup: Promise<Group> | undefined;

/**
 * The {@link Group} of the chosen backend. There is no silent fallback: if the sodium WebAssembly
 * cannot load, this rejects with an error naming the cause, and the caller decides whether to ask
 * for `noble` instead.
 * @example const group = await loadGroup('sodium');
 */
export async function loadGroup(backend: Backend = 'sodium'): Promise<Group> {
  switch (backend) {
    case 'noble':
      return nobleGroup;
    case 'sodium':
      sodiumGroup ??= loadSodiumGroup().catch((error: unknown) => {
        sodiumGroup = undefined;
        throw error;
      });
      return sodiumGroup;
    default:
      // Reachable only from untyped callers (a configuration file, say).
      throw new TypeError(`unknown group backend: ${String(backend satisfies never)}`);
  }
}
