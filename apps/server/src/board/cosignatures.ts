/**
 * @module Witness co-signatures (spec §10.6.2): the board accepts one only from a witness its
 * manifest names, with a valid signature, over a checkpoint the board itself signed at that size
 * with that root; it keeps them beside the log (`cosignatures.jsonl`), never in it, since a
 * co-signature arrives after the log it vouches for.
 */
import { type Cosignature, cosignatureFault } from '@scrutineer/record';
import { type Queryable, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { checkpointAt } from './checkpoints.ts';

interface CosignatureRow {
  size: unknown;
  witness: string;
  root: string;
  signature: string;
}

const fromRow = (row: CosignatureRow): Cosignature => ({
  size: toNumber(row.size),
  root: row.root,
  witness: row.witness,
  signature: row.signature,
});

/**
 * Publishes a witness's co-signature; a second one by the same witness for the same size is
 * already published and changes nothing (the first stays). Refuses, changing nothing, anything
 * V2.9–V2.10 would fail.
 */
export async function addCosignature(
  context: ServiceContext,
  electionId: string,
  cosignature: Cosignature
): Promise<Cosignature> {
  const election = await context.elections.get(electionId);
  const { manifest } = election;
  if (manifest.witnesses === undefined) throw new ServiceError('witness/no-witnesses');
  if (!manifest.witnesses.members.some((m) => m.publicKey === cosignature.witness))
    throw new ServiceError('witness/not-named');
  const fault = cosignatureFault(context.group, manifest, cosignature);
  if (fault !== null) throw new ServiceError('witness/bad-signature', fault);
  const checkpoint = await checkpointAt(context.database, electionId, cosignature.size);
  if (checkpoint?.root !== cosignature.root) throw new ServiceError('witness/unknown-checkpoint');
  await context.database.query(
    `INSERT INTO cosignatures (election_id, size, witness, root, signature)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (election_id, size, witness) DO NOTHING`,
    [electionId, cosignature.size, cosignature.witness, cosignature.root, cosignature.signature]
  );
  const rows = await context.database.query<CosignatureRow>(
    'SELECT size, witness, root, signature FROM cosignatures WHERE election_id = $1 AND size = $2 AND witness = $3',
    [electionId, cosignature.size, cosignature.witness]
  );
  return fromRow(rows[0] as CosignatureRow);
}

/** Co-signatures of checkpoints of size ≥ `from` (and ≤ `to`), by size then witness key. */
export async function listCosignatures(
  database: Queryable,
  electionId: string,
  from = 1,
  to = Number.MAX_SAFE_INTEGER,
  limit = 1000
): Promise<Cosignature[]> {
  const rows = await database.query<CosignatureRow>(
    `SELECT size, witness, root, signature FROM cosignatures
     WHERE election_id = $1 AND size >= $2 AND size <= $3 ORDER BY size, witness LIMIT $4`,
    [electionId, from, to, limit]
  );
  return rows.map(fromRow);
}
