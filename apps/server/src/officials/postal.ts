/**
 * @module The postal channel (spec §9.5, §9.7; docs/threat-model.md A16). A returned postal pack claims
 * its credential through the same UNIQUE key as an online ballot, so a member counts once whichever
 * channel comes first, even in a race; a postal return for a credential that voted online is
 * refused and the refusal published (`cast-refused`). A return is recorded only while voting is
 * open and only with the secret printed on the pack's return slip, whose commitment the board
 * published with the credential: the officer alone cannot mark abstainers as postal voters. Postal batches carry the counted paper
 * votes, checked against the manifest's contests and limits (V6.3), and are published only after
 * close, so no count per candidate is visible while voting is open. Bulk intake from a scanning
 * station: postal-intake.ts.
 */
import {
  type EventBody,
  isAllowedOnChannels,
  postalBatchContests,
  postalCountsLength,
  postalRankingsProblem,
  postalStyleProblem,
  postalWeightProblem,
} from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { LOOSE_BATCH, envelopesInBatch, receiveEnvelopes } from './postal-intake.ts';
import { refuseBatchAfterAuditStart } from './postal-audit.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

/** A credential named by its public key: the board holds no pack ids (spec §9.5.4). */
export interface CredentialReference {
  readonly credential: string;
}

/** A postal return: the credential and the secret read from its return slip, and its tray. */
export interface PostalReturnReference extends CredentialReference {
  readonly returnSecret: string;
  readonly batch?: string | undefined;
  readonly scannedAt?: string | undefined;
}

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
  const rows = await database.query<{
    credential: string;
    status: string;
    return_commitment: string | null;
  }>(
    'SELECT credential, status, return_commitment FROM credentials WHERE election_id = $1 AND credential = $2',
    [electionId, reference.credential]
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
 * Records one returned postal pack (spec §9.5.3): {@link receiveEnvelopes} with one envelope,
 * whose refusals and repeats are answered as errors.
 */
export async function recordPostalReceived(
  context: ServiceContext,
  electionId: string,
  reference: PostalReturnReference
): Promise<Appended> {
  const [outcome] = await receiveEnvelopes(context, electionId, [
    {
      credential: reference.credential,
      returnSecret: reference.returnSecret,
      batch: reference.batch ?? LOOSE_BATCH,
      scannedAt: reference.scannedAt,
    },
  ]);
  if (outcome === undefined) throw new Error('no outcome for the envelope');
  if (outcome.outcome === 'already-received') throw new ServiceError('postal/already-received');
  if (outcome.outcome === 'refused') throw new ServiceError(outcome.code);
  const hash = await context.database.query<{ event_hash: string }>(
    'SELECT event_hash FROM events WHERE election_id = $1 AND position = $2',
    [electionId, outcome.position]
  );
  return { position: outcome.position, hash: hash[0]?.event_hash ?? '' };
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
  // Spec §13.2.1 (V12.5): with styles, one style per batch and no mark outside it.
  const styleProblem = postalStyleProblem(election.manifest, body);
  if (styleProblem !== null) throw new ServiceError(styleProblem.code, styleProblem.message);
  // Spec §13.2.1 step 6 (V12.7): with weights, one weight per batch.
  const weightProblem = postalWeightProblem(election.manifest, body);
  if (weightProblem !== null) throw new ServiceError(weightProblem.code, weightProblem.message);
  const problem = postalBatchProblem(
    election.manifest.contests,
    body,
    postalBatchContests(election.manifest, body.style)
  );
  if (problem !== null) throw new ServiceError('postal/invalid-batch', problem);
  // V10.7 (spec §11.8): a ranked contest's papers as rankings, one per valid paper.
  const rankings = postalRankingsProblem(election.manifest.contests, body);
  if (rankings !== null) throw new ServiceError('postal/invalid-ranking', rankings);
  return withLockedHead(context, electionId, async (transaction, head) => {
    // No per-candidate count of any kind while voting is open (docs/threat-model.md A26): the spec's
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
    // Spec §9.5.3: a count is of the papers opened from one opening batch of received envelopes;
    // it cannot hold more papers than envelopes were received into it. (With no postal channel
    // the only batch allowed is empty, and no envelope exists.)
    if (election.manifest.channels.postal) {
      const envelopes = await envelopesInBatch(transaction, electionId, body.batch);
      if (envelopes === 0)
        throw new ServiceError(
          'postal/unknown-batch',
          `no returned envelope was received into batch ${body.batch}`
        );
      if (body.papers > envelopes)
        throw new ServiceError(
          'postal/more-papers-than-envelopes',
          `batch ${body.batch}: ${body.papers} papers, but ${envelopes} envelopes were received into it`
        );
      await refuseMorePapersThanClassReturns(transaction, electionId, body);
    }
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
 * Spec §13.2.1 steps 3 and 6 (V12.6, V12.7): the papers of the batches of one style, and with
 * weights of one (style, weight) class, this batch included, may not exceed the returns
 * (`postal-received`) of that class's credentials. The posted batches are read once for both.
 */
async function refuseMorePapersThanClassReturns(
  database: Queryable,
  electionId: string,
  body: EventBody<'postal-batch'>
): Promise<void> {
  if (body.style === undefined && body.weight === undefined) return;
  const posted = await postedBatches(database, electionId);
  const bound = (postalClass: PostalClass, code: BeyondReturnsCode, name: string, what: string) =>
    refuseBeyondReturns(database, electionId, posted, body.papers, postalClass, code, name, what);
  if (body.style !== undefined)
    await bound(
      { style: body.style },
      'postal/more-papers-than-style-returns',
      `style ${body.style}`,
      'that style'
    );
  if (body.weight !== undefined)
    await bound(
      { style: body.style, weight: body.weight },
      'postal/more-papers-than-weight-returns',
      `${body.style === undefined ? '' : `style ${body.style}, `}weight ${body.weight}`,
      'that class'
    );
}

/** A class of returns and papers: one style, one weight, or both (undefined: any). */
interface PostalClass {
  readonly style?: string | undefined;
  readonly weight?: number | undefined;
}
type BeyondReturnsCode =
  'postal/more-papers-than-style-returns' | 'postal/more-papers-than-weight-returns';

async function refuseBeyondReturns(
  database: Queryable,
  electionId: string,
  posted: readonly EventBody<'postal-batch'>[],
  papers: number,
  postalClass: PostalClass,
  code: BeyondReturnsCode,
  name: string,
  what: string
): Promise<void> {
  const received = await database.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM postal_envelopes e JOIN credentials c
       ON c.election_id = e.election_id AND c.credential = e.credential
     WHERE e.election_id = $1 AND ($2::text IS NULL OR c.style = $2)
       AND ($3::integer IS NULL OR c.weight = $3)`,
    [electionId, postalClass.style ?? null, postalClass.weight ?? null]
  );
  const inClass = (batch: EventBody<'postal-batch'>) =>
    (postalClass.style === undefined || batch.style === postalClass.style) &&
    (postalClass.weight === undefined || batch.weight === postalClass.weight);
  const counted = posted.filter(inClass).reduce((sum, batch) => sum + batch.papers, 0);
  const returns = Number(received[0]?.n ?? 0);
  if (counted + papers > returns)
    throw new ServiceError(
      code,
      `${name}: ${counted + papers} papers with this batch, but ${returns} returns of ${what} were received`
    );
}

/** The bodies of the `postal-batch` events on the board so far. */
async function postedBatches(
  database: Queryable,
  electionId: string
): Promise<EventBody<'postal-batch'>[]> {
  const batches = await database.query<{ line: string }>(
    "SELECT line FROM events WHERE election_id = $1 AND type = 'postal-batch'",
    [electionId]
  );
  return batches.map((row) => (JSON.parse(row.line) as { body: EventBody<'postal-batch'> }).body);
}

/**
 * V6.3: one count per candidate (none for a ranked contest); spoilt ≤ papers; min·valid ≤ Σ counts ≤ max·valid per contest
 * (no lower bound for a contest outside the batch's style, §13.2.1: `inStyle` lists the others);
 * no candidate above valid (counts are non-negative by the schema).
 */
export function postalBatchProblem(
  contests: readonly {
    readonly id: string;
    readonly minSelections: number;
    readonly maxSelections: number;
    readonly candidates: readonly unknown[];
    readonly method?: string | undefined;
  }[],
  body: EventBody<'postal-batch'>,
  inStyle: readonly number[] = contests.map((_, c) => c)
): string | null {
  if (body.spoilt > body.papers) return 'more spoilt papers than papers';
  if (body.contests.length !== contests.length) return `expected ${contests.length} contests`;
  const valid = body.papers - body.spoilt;
  for (const [c, contest] of contests.entries()) {
    const counts = body.contests[c]?.counts ?? [];
    // A ranked contest's entry has no counts, only its papers' rankings (spec §11.8, V10.7).
    if (counts.length !== postalCountsLength(contest))
      return `contest ${contest.id} needs ${postalCountsLength(contest)} counts`;
    const sum = counts.reduce((a, b) => a + b, 0);
    const min = inStyle.includes(c) ? contest.minSelections : 0;
    if (sum < min * valid || sum > contest.maxSelections * valid)
      return `contest ${contest.id}: counts do not fit ${valid} valid papers`;
    // A paper marks a candidate at most once (V6.3).
    if (counts.some((n) => n > valid))
      return `contest ${contest.id}: a candidate has more votes than the ${valid} valid papers`;
  }
  return null;
}
