/**
 * @module The officer's sign-in (spec §10.8): the key is read from the chosen file or the pasted
 * text in the page, checked against the board with the officer-only audit-log read (which changes
 * nothing), and kept in this tab's sessionStorage only — never in a URL, a cookie or localStorage,
 * and sent only as the Authorization header of this origin's API calls.
 */
import { type Result, err, ok } from '@scrutineer/record';
import { readOfficerKeyText } from '@scrutineer/protocol';
import { consoleApi } from './console-api.ts';

const storageKey = (electionId: string): string => `scrutineer-officer:${electionId}`;

export const ELECTION_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;

export function storedKey(electionId: string): string | null {
  return sessionStorage.getItem(storageKey(electionId));
}

export function forgetKey(electionId: string): void {
  sessionStorage.removeItem(storageKey(electionId));
}

export type SignInProblem =
  | { readonly field: 'election'; readonly code: 'error.noElection' | 'error.electionFormat' }
  | { readonly field: 'key'; readonly code: string }
  | { readonly field: 'server'; readonly error: unknown };

/** Checks the key with the board; on success keeps it for this tab. */
export async function signIn(
  electionId: string,
  keyText: string
): Promise<Result<string, SignInProblem>> {
  if (electionId === '') return err({ field: 'election', code: 'error.noElection' });
  if (!ELECTION_ID.test(electionId))
    return err({ field: 'election', code: 'error.electionFormat' });
  const key = readOfficerKeyText(keyText);
  if (!key.ok) return err({ field: 'key', code: key.error.code });
  try {
    await consoleApi.auditLog(electionId, key.value);
  } catch (error) {
    return err({ field: 'server', error });
  }
  sessionStorage.setItem(storageKey(electionId), key.value);
  return ok(key.value);
}

/** A new officer's key, as `scrutineer election keygen` makes one: 256 random bits, base64url. */
export function generateOfficerKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
