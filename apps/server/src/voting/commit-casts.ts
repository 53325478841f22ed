/**
 * @module The cast path's group commit: one transaction appends a batch of verified
 * ballots, so one durable commit (one WAL flush, ~7 ms on the test machine) covers many. For each
 * ballot the decisions are those of a lone cast, made with set-wise statements: claim the
 * credential (spec §9.7), every α (V5.7) and every proof fingerprint on their UNIQUE keys, then
 * lock the board head (last, as every transaction does, so none deadlock), check that voting is
 * open and each credential still active, append the events, sign and store the receipts. A ballot
 * refused on the way has the claims it made deleted again in the same transaction; the others
 * commit together. The caller (cast-appender.ts) never puts two ballots sharing a credential,
 * tracker, α or proof in one batch, so a claim that fails was taken by an earlier commit (or a
 * concurrent one on another instance) — never by a neighbour in the batch.
 */
import type { Ballot } from '@scrutineer/record';
import { MAX_FAILED_ATTEMPTS } from '../auth/sign-in.ts';
import { appendEvents } from '../board/append-event.ts';
import { lockHead } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import { type ErrorCode, ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { COPY_KEYS, claimCopyKeys, releaseCopyKeys } from './ballot-copies.ts';
import { assertCredentialActive } from './credential-state.ts';
import { findBallot, replayOf, signReceipt, storeBallots } from './receipts.ts';
import { assertVotingOpen } from './voting-window.ts';
import type { CastOutcome } from './cast-ballot.ts';

/** A verified ballot waiting to be appended. */
export interface PendingCast {
  readonly credential: string;
  readonly ballot: Ballot;
  readonly tracker: string;
  /** Canonical JSON of the ballot. */
  readonly body: string;
  readonly alphas: readonly string[];
  readonly fingerprints: readonly string[];
}

export type CastSettlement =
  | { readonly kind: 'cast'; readonly outcome: CastOutcome }
  | { readonly kind: 'refused'; readonly error: ServiceError }
  | { readonly kind: 'used-by-post' };

/** Runs inside the caller's transaction; settles every entry, or throws (all roll back). */
export async function commitCasts(
  context: ServiceContext,
  transaction: Queryable,
  election: ElectionRecord,
  entries: readonly PendingCast[]
): Promise<CastSettlement[]> {
  const electionId = election.electionId;
  const settled: (CastSettlement | undefined)[] = entries.map(() => undefined);
  const live = (): number[] => entries.flatMap((_, i) => (settled[i] === undefined ? [i] : []));
  const entry = (i: number): PendingCast => entries[i] as PendingCast;
  /** A refusal, unless this very ballot from this member is already on the board (a retry). */
  const refuse = async (i: number, error: ServiceError | ErrorCode): Promise<void> => {
    const replay = replayOf(await findBallot(transaction, electionId, entry(i).tracker), entry(i));
    settled[i] =
      replay !== null
        ? { kind: 'cast', outcome: { receipt: replay, replayed: true } }
        : { kind: 'refused', error: typeof error === 'string' ? new ServiceError(error) : error };
  };

  // Spec §9.7: the credential-use key decides "one credential, one ballot" and "one channel".
  const claimedCredentials = new Set(
    (
      await transaction.query<{ credential: string }>(
        `INSERT INTO credential_uses (election_id, credential, channel)
         SELECT $1, c, 'online' FROM unnest($2::text[]) AS c ON CONFLICT DO NOTHING RETURNING credential`,
        [electionId, entries.map((e) => e.credential)]
      )
    ).map((row) => row.credential)
  );
  const used = entries.flatMap((e, i) => (claimedCredentials.has(e.credential) ? [] : [i]));
  if (used.length > 0) {
    const channels = new Map(
      (
        await transaction.query<{ credential: string; channel: string }>(
          'SELECT credential, channel FROM credential_uses WHERE election_id = $1 AND credential = ANY($2::text[])',
          [electionId, used.map((i) => entry(i).credential)]
        )
      ).map((row) => [row.credential, row.channel])
    );
    for (const i of used) {
      if (channels.get(entry(i).credential) === 'postal') settled[i] = { kind: 'used-by-post' };
      else if (election.manifest.policy === 'first-ballot-final')
        await refuse(i, 'ballot/credential-already-used');
    }
  }
  const claimed = { alpha: new Set<string>(), proof: new Set<string>() };
  for (const kind of ['alpha', 'proof'] as const) {
    const of = (i: number): readonly string[] =>
      kind === 'alpha' ? entry(i).alphas : entry(i).fingerprints;
    const inserted = await claimCopyKeys(transaction, electionId, kind, live().flatMap(of));
    for (const value of inserted) claimed[kind].add(value);
    for (const i of live())
      if (!of(i).every((v) => inserted.has(v))) await refuse(i, COPY_KEYS[kind].code);
  }

  const locked = await lockHead(transaction, electionId);
  const now = context.clock();
  assertVotingOpen(locked, election.manifest, now);
  const states = new Map(
    (
      await transaction.query<{
        credential: string;
        status: 'active' | 'revoked';
        failed_attempts: number;
      }>(
        'SELECT credential, status, failed_attempts FROM credentials WHERE election_id = $1 AND credential = ANY($2::text[])',
        [electionId, live().map((i) => entry(i).credential)]
      )
    ).map((row) => [row.credential, row])
  );
  for (const i of live()) {
    const row = states.get(entry(i).credential);
    try {
      assertCredentialActive(
        row === undefined
          ? null
          : {
              status: row.status,
              locked: row.failed_attempts >= MAX_FAILED_ATTEMPTS,
              channel: 'online',
              // Not re-read: a credential's style and weight never change (spec §13.1).
              style: null,
              weight: 1,
            }
      );
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      await refuse(i, error);
    }
  }

  // Undo the claims of every ballot refused after claiming.
  const refused = entries.flatMap((_, i) => (settled[i] !== undefined ? [i] : []));
  const mine = (values: readonly string[], set: Set<string>): string[] =>
    values.filter((v) => set.has(v));
  const releasedCredentials = mine(
    refused.map((i) => entry(i).credential),
    claimedCredentials
  );
  if (releasedCredentials.length > 0)
    await transaction.query(
      'DELETE FROM credential_uses WHERE election_id = $1 AND credential = ANY($2::text[])',
      [electionId, releasedCredentials]
    );
  await releaseCopyKeys(
    transaction,
    electionId,
    'alpha',
    mine(
      refused.flatMap((i) => entry(i).alphas),
      claimed.alpha
    )
  );
  await releaseCopyKeys(
    transaction,
    electionId,
    'proof',
    mine(
      refused.flatMap((i) => entry(i).fingerprints),
      claimed.proof
    )
  );

  const appending = live();
  const appended = await appendEvents(
    transaction,
    locked,
    'ballot-cast',
    appending.map((i) => ({ ballot: entry(i).ballot, tracker: entry(i).tracker })),
    now
  );
  const receipts = appended.map((event, k) =>
    signReceipt(context, election, {
      election: electionId,
      tracker: entry(appending[k] as number).tracker,
      position: event.position,
      time: event.time,
      eventHash: event.hash,
    })
  );
  await storeBallots(
    transaction,
    'cast',
    appending.map((i, k) => ({
      body: entry(i).body,
      credential: entry(i).credential,
      receipt: receipts[k] as (typeof receipts)[number],
    }))
  );
  appending.forEach((i, k) => {
    settled[i] = {
      kind: 'cast',
      outcome: { receipt: receipts[k] as (typeof receipts)[number], replayed: false },
    };
  });
  return settled as CastSettlement[];
}
