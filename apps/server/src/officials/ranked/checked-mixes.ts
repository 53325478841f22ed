/**
 * @module The board's cache of checked mixes (docs/decisions/0033): each step of a ranked
 * contest's phase re-runs the verifier's V10 on the whole cascade (ranked-phase.ts), and without a
 * cache every step would verify every shuffle proof again. A mix that passed V10.2 is remembered
 * under a key that chains the hashes of the appended events, recomputed from their stored lines,
 * onto the key of what it shuffled:
 *
 *   key(0) = SHA-256 of the counted ranked entries (the hex of each row, in board order)
 *   key(m) = SHA-256(key(m − 1) ‖ SHA-256(line of each part of mix m, in board order))
 *
 * so a mix whose events changed, or whose input changed (a ballot, or any mix before it), has
 * another key and is verified again. The cache is the board's own and never a verifier's: an
 * outside verifier checks every proof.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../database/database.ts';

const sha256 = () => createHash('sha256');

/** key(0): the cascade's input, each row's hex ciphertexts joined, rows in board order. */
export function cascadeInputKey(rows: Iterable<readonly string[]>): Buffer {
  const hash = sha256();
  for (const row of rows) hash.update(`${row.join(',')};`);
  return hash.digest();
}

/** key(m), from key(m − 1) and the stored lines of mix m's parts, in board order. */
export function nextMixKey(previous: Uint8Array, lines: readonly string[]): Buffer {
  const hash = sha256().update(previous);
  for (const line of lines) hash.update(sha256().update(line, 'utf8').digest());
  return hash.digest();
}

/** The mixers of contest c whose key is remembered as checked. */
export async function checkedMixers(
  transaction: Queryable,
  electionId: string,
  contest: number,
  keys: readonly { readonly mixer: number; readonly key: string }[]
): Promise<Set<number>> {
  if (keys.length === 0) return new Set();
  const rows = await transaction.query<{ mixer: number }>(
    `SELECT mixer FROM checked_mixes
      WHERE election_id = $1 AND contest = $2 AND (mixer, key) IN
        (SELECT * FROM unnest($3::integer[], $4::text[]))`,
    [electionId, contest, keys.map((k) => k.mixer), keys.map((k) => k.key)]
  );
  return new Set(rows.map((r) => Number(r.mixer)));
}

/** Remembers that these mixes of contest c passed V10.2 (in the caller's transaction). */
export async function rememberCheckedMixes(
  transaction: Queryable,
  electionId: string,
  contest: number,
  keys: readonly { readonly mixer: number; readonly key: string }[]
): Promise<void> {
  if (keys.length === 0) return;
  await transaction.query(
    `INSERT INTO checked_mixes (election_id, contest, mixer, key)
     SELECT $1, $2, * FROM unnest($3::integer[], $4::text[]) ON CONFLICT DO NOTHING`,
    [electionId, contest, keys.map((k) => k.mixer), keys.map((k) => k.key)]
  );
}
