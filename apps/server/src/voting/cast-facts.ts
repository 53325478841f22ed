/**
 * @module What the cast path's early checks need, read in one statement (issue 7): the board head,
 * this ballot if already stored (by tracker), the member's credential state, and whether any of
 * the ballot's αs or proofs is already on the board. One round trip instead of five matters at
 * hundreds of ballots a second (each costs a `writev` here and a parse and plan in PostgreSQL),
 * and the five answers come from one snapshot. These reads only give precise refusals; the group
 * commit's transaction decides (commit-casts.ts).
 */
import { type BoardHead, HEAD_COLUMNS, type HeadRow, headFromRow } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import {
  CREDENTIAL_STATE_SQL,
  type CredentialRow,
  type CredentialState,
  credentialStateFromRow,
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

export async function readCastFacts(
  database: Queryable,
  electionId: string,
  ballot: {
    readonly credential: string;
    readonly tracker: string;
    readonly alphas: readonly string[];
    readonly fingerprints: readonly string[];
  }
): Promise<CastFacts> {
  // Parameters: $1 election, $2 credential (as CREDENTIAL_STATE_SQL expects), $3 tracker,
  // $4 αs and $5 proof fingerprints (hex).
  const rows = await database.query<
    HeadRow & {
      stored: BallotRow | null;
      state: CredentialRow | null;
      alpha_on_board: boolean;
      proof_on_board: boolean;
    }
  >(
    `SELECT ${HEAD_COLUMNS},
       (SELECT row_to_json(b) FROM (SELECT ${BALLOT_COLUMNS} FROM ballots
          WHERE election_id = $1 AND tracker = $3) AS b) AS stored,
       (SELECT row_to_json(s) FROM (${CREDENTIAL_STATE_SQL}) AS s) AS state,
       EXISTS (SELECT 1 FROM ciphertext_alphas a WHERE a.election_id = $1
          AND a.alpha IN (SELECT decode(v, 'hex') FROM unnest($4::text[]) AS v)) AS alpha_on_board,
       EXISTS (SELECT 1 FROM proof_fingerprints p WHERE p.election_id = $1
          AND p.fingerprint IN (SELECT decode(v, 'hex') FROM unnest($5::text[]) AS v)) AS proof_on_board
     FROM board_heads WHERE election_id = $1`,
    [electionId, ballot.credential, ballot.tracker, ballot.alphas, ballot.fingerprints]
  );
  const row = rows[0];
  return {
    head: headFromRow(electionId, row),
    stored: storedBallotFromRow(electionId, ballot.tracker, row?.stored),
    state: credentialStateFromRow(row?.state),
    alphaOnBoard: row?.alpha_on_board === true,
    proofOnBoard: row?.proof_on_board === true,
  };
}
