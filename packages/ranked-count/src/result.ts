/**
 * @module The same plain `Result` union as `@scrutineer/record`, redeclared so that this package
 * depends on nothing of ours (the verifier, protocol and apps all import it).
 */
import type { CountError } from './types.ts';

export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

export function countError(code: CountError['code'], message: string, ballot?: number): CountError {
  return ballot === undefined ? { code, message } : { code, message, ballot };
}
