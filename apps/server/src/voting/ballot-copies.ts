/**
 * @module Copy detection (V5.7, docs/threat-model.md A7–A8). Every α of every ciphertext on the board is
 * unique per election, and so is every proof: a ballot that repeats a ciphertext (a copy, or a
 * ciphertext opened by an audit) or a proof (a re-randomised copy carrying the original's proofs)
 * is refused. The early check here only names the refusal; the UNIQUE keys inserted in the append
 * transaction are what decide.
 */
import { sha256, utf8 } from '@scrutineer/crypto';
import { type CiphertextsOfEntry, entryCiphertexts } from '@scrutineer/record';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';

/** The α half (first 32 bytes) of every ciphertext (a ranked entry's positions too), hex. */
export function alphasOf(ballot: { readonly contests: readonly CiphertextsOfEntry[] }): string[] {
  return ballot.contests.flatMap((contest) =>
    entryCiphertexts(contest).map((ciphertext) => ciphertext.slice(0, 64))
  );
}

/** 16-byte fingerprints (SHA-256 prefix) of every selection, total and ranking proof, hex. */
export function proofFingerprintsOf(ballot: {
  readonly contests: readonly {
    readonly selections: readonly { readonly proof: string }[];
    readonly totalProof?: string | undefined;
    readonly ranked?: { readonly proof: string } | undefined;
  }[];
}): string[] {
  const proofs = ballot.contests.flatMap((contest) => [
    ...contest.selections.map((s) => s.proof),
    contest.totalProof ?? contest.ranked?.proof ?? '',
  ]);
  return proofs.map((proof) => Buffer.from(sha256(utf8(proof)).subarray(0, 16)).toString('hex'));
}

/** Where each kind of copy-detection key is claimed, and the refusal a taken one gives. */
export const COPY_KEYS = {
  alpha: { table: 'ciphertext_alphas', column: 'alpha', code: 'ballot/ciphertext-reused' },
  proof: { table: 'proof_fingerprints', column: 'fingerprint', code: 'ballot/proof-reused' },
} as const;

/** Early, read-only: refuses if any value is already on the board. */
export async function assertNoneOnBoard(
  database: Queryable,
  electionId: string,
  kind: keyof typeof COPY_KEYS,
  values: readonly string[]
): Promise<void> {
  const { table, column, code } = COPY_KEYS[kind];
  const rows = await database.query(
    `SELECT 1 FROM ${table} WHERE election_id = $1 AND ${column} IN (SELECT decode(v, 'hex') FROM unnest($2::text[]) AS v) LIMIT 1`,
    [electionId, values]
  );
  if (rows.length > 0) throw new ServiceError(code);
}

/** In a transaction: inserts every value not yet claimed; returns those this statement inserted. */
export async function claimCopyKeys(
  transaction: Queryable,
  electionId: string,
  kind: keyof typeof COPY_KEYS,
  values: readonly string[]
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const { table, column } = COPY_KEYS[kind];
  const rows = await transaction.query<{ v: string }>(
    `INSERT INTO ${table} (election_id, ${column}) SELECT $1, decode(v, 'hex') FROM unnest($2::text[]) AS v
     ON CONFLICT DO NOTHING RETURNING encode(${column}, 'hex') AS v`,
    [electionId, values]
  );
  return new Set(rows.map((row) => row.v));
}

/** Gives back claims of a ballot refused later in the same transaction. */
export async function releaseCopyKeys(
  transaction: Queryable,
  electionId: string,
  kind: keyof typeof COPY_KEYS,
  values: readonly string[]
): Promise<void> {
  if (values.length === 0) return;
  const { table, column } = COPY_KEYS[kind];
  await transaction.query(
    `DELETE FROM ${table} WHERE election_id = $1 AND ${column} IN (SELECT decode(v, 'hex') FROM unnest($2::text[]) AS v)`,
    [electionId, values]
  );
}

/**
 * In the append transaction: claims every value; false if any is already claimed (the caller then
 * refuses, and its transaction rolls back).
 */
export async function claimUnique(
  transaction: Queryable,
  electionId: string,
  kind: keyof typeof COPY_KEYS,
  values: readonly string[]
): Promise<boolean> {
  const { code } = COPY_KEYS[kind];
  if (new Set(values).size !== values.length)
    throw new ServiceError(code, 'The ballot repeats a value within itself.');
  return (await claimCopyKeys(transaction, electionId, kind, values)).size === values.length;
}
