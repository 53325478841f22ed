/**
 * @module The value of a `Result` a test or tool expects to be `ok` (an honest election's
 * ceremony or count): throws with the refusal's code and message otherwise.
 */
export function resultOf<T>(
  result:
    | { readonly ok: true; readonly value: T }
    | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } }
): T {
  if (!result.ok) throw new Error(`expected ok: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
