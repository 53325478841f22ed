/**
 * @module The postal channel (spec §9.5, §9.7; threats guide A16). A returned postal pack claims
 * its credential through the same UNIQUE key as an online ballot, so a member counts once whichever
 * channel comes first, even in a race; a postal return for a credential that voted online is
 * refused and the refusal published (`cast-refused`). A return is recorded only while voting is
 * open and only with the secret printed on the pack's return slip, whose commitment the board
 * published with the credential: the officer alone cannot mark abstainers as postal voters. Postal batches carry the counted paper
 * votes, checked against the manifest's contests and limits (V6.3), and are published only after
 * close, so no count per candidate is visible while voting is open.
 */
import { type EventBody, isAllowedOnChannels, opensPostalReturn } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { lockHead } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { appendCrossChannelRefusal } from '../voting/cross-channel-refusal.ts';
import { writeAuditLog } from './audit-log.ts';
import { refuseBatchAfterAuditStart } from './postal-audit.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

/** A credential named by its public key or by the registrar's pack id. */
export type CredentialReference = { readonly credential: string } | { readonly packId: string };

/** A postal return: the credential (or pack) and the secret read from its return slip. */
export type PostalReturnReference = CredentialReference & { readonly returnSecret: string };

export interface ResolvedCredential {
  readonly credential: string;
  readonly status: string;
  readonly returnCommitment: string | null;
}

export async function resolveCredential(
  database: Queryable,
  electionId: string,
  reference: CredentialReference
): Promise<ResolvedCredential> {
  const [column, value] =
    'credential' in reference
      ? ['credential', reference.credential]
      : ['pack_id', reference.packId];
  const rows = await database.query<{
    credential: string;
    status: string;
    return_commitment: string | null;
  }>(
    `SELECT credential, status, return_commitment FROM credentials WHERE election_id = $1 AND ${column} = $2`,
    [electionId, value]
  );
  const row = rows[0];
  if (row === undefined) throw new ServiceError('credential/not-found');
  return {
    credential: row.credential,
    status: row.status,
    returnCommitment: row.return_commitment,
  };
}

/**
 * Records a returned postal pack (spec §9.5): only while voting is open, only on an election
 * offering the postal channel, only with the return slip's secret, and only for a credential that
 * is still active when the board head is locked (a replacement racing this return is decided by
 * the lock: whichever commits first, the other is refused).
 */
export async function recordPostalReceived(
  context: ServiceContext,
  electionId: string,
  reference: PostalReturnReference
): Promise<Appended> {
  const election = await context.elections.get(electionId);
  if (!election.manifest.channels.postal)
    throw new ServiceError('election/channel-not-offered', 'this election has no postal channel');
  const { returnSecret } = reference;
  const outcome = await context.database.transaction(
    async (transaction): Promise<Appended | 'used-online'> => {
      const { credential } = await resolveCredential(transaction, electionId, reference);
      // The claim first, the board lock after (cast-ballot.ts): the same key decides both channels.
      const claimed = await transaction.query(
        `INSERT INTO credential_uses (election_id, credential, channel) VALUES ($1, $2, 'postal')
       ON CONFLICT (election_id, credential) DO NOTHING RETURNING 1`,
        [electionId, credential]
      );
      const head = await lockHead(transaction, electionId);
      if (head.stage === 'closed' || head.stage === 'tallied' || head.stage === 'final')
        throw new ServiceError('postal/after-close');
      if (head.stage !== 'open')
        throw new ServiceError(
          'election/wrong-stage',
          `postal returns are recorded while voting is open, not at ${head.stage}`
        );
      // Read again under the head lock: a replacement commits under the same lock, so what is
      // read here is final for this transaction (a status read before the lock could be stale).
      const current = await resolveCredential(transaction, electionId, { credential });
      if (current.status === 'revoked') throw new ServiceError('credential/revoked');
      if (
        current.returnCommitment === null ||
        !opensPostalReturn(current.returnCommitment, credential, returnSecret)
      )
        throw new ServiceError('postal/wrong-return-secret');
      if (claimed.length === 0) {
        const rows = await transaction.query<{ channel: string }>(
          'SELECT channel FROM credential_uses WHERE election_id = $1 AND credential = $2',
          [electionId, credential]
        );
        if (rows[0]?.channel === 'postal') throw new ServiceError('postal/already-received');
        // The refusal is published and committed; the error is raised after the commit.
        await appendCrossChannelRefusal(context, transaction, head, credential, 'postal');
        return 'used-online';
      }
      const appended = await appendEvent(
        transaction,
        head,
        'postal-received',
        { credential, returnSecret },
        context.clock()
      );
      await writeAuditLog(transaction, electionId, 'officer', 'postal-received', {
        position: appended.position,
      });
      return { position: appended.position, hash: appended.hash };
    }
  );
  if (outcome === 'used-online') throw new ServiceError('postal/credential-used-online');
  return outcome;
}

export async function postPostalBatch(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('postal-batch', value);
  const election = await context.elections.get(electionId);
  // Spec §9.2: with no postal channel, a batch may say only that there were no papers.
  if (!isAllowedOnChannels({ type: 'postal-batch', body }, election.manifest.channels))
    throw new ServiceError('election/channel-not-offered', 'this election has no postal channel');
  const problem = postalBatchProblem(election.manifest.contests, body);
  if (problem !== null) throw new ServiceError('postal/invalid-batch', problem);
  return withLockedHead(context, electionId, async (transaction, head) => {
    // No per-candidate count of any kind while voting is open (threats guide A26): the spec's
    // phase rules would admit a batch then; the board holds the counts back until close.
    if (head.stage !== 'closed')
      throw new ServiceError(
        'election/wrong-stage',
        'postal counts are published after voting closes'
      );
    await refuseBatchAfterAuditStart(transaction, electionId);
    const claimed = await transaction.query(
      'INSERT INTO postal_batches (election_id, batch, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
      [electionId, body.batch, head.size]
    );
    if (claimed.length === 0) throw new ServiceError('postal/duplicate-batch');
    const appended = await appendEvent(transaction, head, 'postal-batch', body, context.clock());
    await writeAuditLog(transaction, electionId, 'officer', 'postal-batch', {
      position: appended.position,
      batch: body.batch,
      papers: body.papers,
    });
    return { position: appended.position, hash: appended.hash };
  });
}

/**
 * V6.3: one count per candidate; spoilt ≤ papers; min·valid ≤ Σ counts ≤ max·valid per contest; no
 * candidate above valid (counts are non-negative by the schema).
 */
export function postalBatchProblem(
  contests: readonly {
    readonly id: string;
    readonly minSelections: number;
    readonly maxSelections: number;
    readonly candidates: readonly unknown[];
  }[],
  body: EventBody<'postal-batch'>
): string | null {
  if (body.spoilt > body.papers) return 'more spoilt papers than papers';
  if (body.contests.length !== contests.length) return `expected ${contests.length} contests`;
  const valid = body.papers - body.spoilt;
  for (const [c, contest] of contests.entries()) {
    const counts = body.contests[c]?.counts ?? [];
    if (counts.length !== contest.candidates.length)
      return `contest ${contest.id} needs ${contest.candidates.length} counts`;
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum < contest.minSelections * valid || sum > contest.maxSelections * valid)
      return `contest ${contest.id}: counts do not fit ${valid} valid papers`;
    // A paper marks a candidate at most once (V6.3).
    if (counts.some((n) => n > valid))
      return `contest ${contest.id}: a candidate has more votes than the ${valid} valid papers`;
  }
  return null;
}
