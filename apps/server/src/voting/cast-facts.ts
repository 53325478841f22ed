/**
 * @module What the cast path's early checks need: the board head, the ballot if already
 * stored (by tracker), the member's credential state, and whether any of the ballot's αs or proofs
 * is already on the board. These reads only give precise refusals; the group commit's transaction
 * decides (commit-casts.ts).
 *
 * At hundreds of casts a second the round trip, not the lookup, is the cost: each statement is a
 * write and a read on the socket on both sides, and an execution in PostgreSQL. So the reads of
 * one election are batched: a lone read leaves at the end of its tick, and reads that arrive while
 * one statement is out go together in the next, one row per ballot from one snapshot.
 */
import { type BoardHead, HEAD_COLUMNS, type HeadRow, headFromRow } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import {
  type CredentialRow,
  type CredentialState,
  credentialStateFromRow,
  credentialStateSql,
} from './credential-state.ts';
import {
  BALLOT_COLUMNS,
  type BallotRow,
  type StoredBallot,
  storedBallotFromRow,
} from './receipts.ts';

export interface CastFacts {
  readonly head: BoardHead;
  readonly stored: StoredBallot | null;
  readonly state: CredentialState | null;
  readonly alphaOnBoard: boolean;
  readonly proofOnBoard: boolean;
}

export interface CastKeys {
  readonly credential: string;
  readonly tracker: string;
  readonly alphas: readonly string[];
  readonly fingerprints: readonly string[];
}

/** Reads in one statement at most: bounds its parameters and the wait of its last reader. */
export const MAX_READ_BATCH = 128;

/**
 * One row per ballot `r.i` (1-based): $2 credentials and $3 trackers; $4/$6 every ballot's αs and
 * proof fingerprints (hex), flattened, with $5/$7 the ballot each belongs to.
 */
const CAST_FACTS_SQL = `SELECT r.i, ${HEAD_COLUMNS},
       (SELECT row_to_json(b) FROM (SELECT ${BALLOT_COLUMNS} FROM ballots
          WHERE election_id = $1 AND tracker = r.tracker) AS b) AS stored,
       (SELECT row_to_json(s) FROM (${credentialStateSql('r.credential')}) AS s) AS state,
       EXISTS (SELECT 1 FROM unnest($4::text[], $5::int[]) AS x(v, owner)
          JOIN ciphertext_alphas a ON a.election_id = $1 AND a.alpha = decode(x.v, 'hex')
          WHERE x.owner = r.i) AS alpha_on_board,
       EXISTS (SELECT 1 FROM unnest($6::text[], $7::int[]) AS x(v, owner)
          JOIN proof_fingerprints p ON p.election_id = $1 AND p.fingerprint = decode(x.v, 'hex')
          WHERE x.owner = r.i) AS proof_on_board
     FROM board_heads, unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(credential, tracker, i)
     WHERE board_heads.election_id = $1`;

type CastFactsRow = HeadRow & {
  i: string | number;
  stored: BallotRow | null;
  state: CredentialRow | null;
  alpha_on_board: boolean;
  proof_on_board: boolean;
};

interface Waiting {
  readonly keys: CastKeys;
  resolve(facts: CastFacts): void;
  reject(error: unknown): void;
}

class CastFactsReader {
  readonly #database: Queryable;
  readonly #electionId: string;
  readonly #queue: Waiting[] = [];
  /** A statement is out, or about to leave at the end of this tick. */
  #busy = false;

  constructor(database: Queryable, electionId: string) {
    this.#database = database;
    this.#electionId = electionId;
  }

  read(keys: CastKeys): Promise<CastFacts> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ keys, resolve, reject });
      if (!this.#busy) {
        this.#busy = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_READ_BATCH);
      try {
        const facts = await readBatch(
          this.#database,
          this.#electionId,
          batch.map((w) => w.keys)
        );
        batch.forEach((waiting, k) => waiting.resolve(facts[k] as CastFacts));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.#busy = false;
  }
}

async function readBatch(
  database: Queryable,
  electionId: string,
  batch: readonly CastKeys[]
): Promise<CastFacts[]> {
  const owned = (of: (keys: CastKeys) => readonly string[]): [string[], number[]] => [
    batch.flatMap(of),
    batch.flatMap((keys, k) => of(keys).map(() => k + 1)),
  ];
  const [alphas, alphaOwners] = owned((keys) => keys.alphas);
  const [fingerprints, fingerprintOwners] = owned((keys) => keys.fingerprints);
  const rows = await database.query<CastFactsRow>(CAST_FACTS_SQL, [
    electionId,
    batch.map((keys) => keys.credential),
    batch.map((keys) => keys.tracker),
    alphas,
    alphaOwners,
    fingerprints,
    fingerprintOwners,
  ]);
  // No row at all: the election has no head (election/not-found, as headFromRow says).
  const head = headFromRow(electionId, rows[0]);
  const byBallot = new Map(rows.map((row) => [Number(row.i), row]));
  return batch.map((keys, k) => {
    const row = byBallot.get(k + 1);
    return {
      head,
      stored: storedBallotFromRow(electionId, keys.tracker, row?.stored),
      state: credentialStateFromRow(row?.state),
      alphaOnBoard: row?.alpha_on_board === true,
      proofOnBoard: row?.proof_on_board === true,
    };
  });
}

const readers = new WeakMap<Queryable, Map<string, CastFactsReader>>();

/** The facts for one ballot, read together with those of other casts of the same moment. */
export function readCastFacts(
  database: Queryable,
  electionId: string,
  keys: CastKeys
): Promise<CastFacts> {
  let byElection = readers.get(database);
  if (byElection === undefined)
    readers.set(database, (byElection = new Map<string, CastFactsReader>()));
  let reader = byElection.get(electionId);
  if (reader === undefined)
    byElection.set(electionId, (reader = new CastFactsReader(database, electionId)));
  return reader.read(keys);
}
