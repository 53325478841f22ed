/**
 * @module The postal risk-limiting audit on the board (spec §9.8). Observers' seed commitments and
 * reveals, the start, the hand counts and the sample and end (which the board computes itself, so
 * the officer cannot choose them) are appended only if the record's replay of the audit — the one
 * the verifier runs for V6.6–V6.8 — finds nothing wrong with them: the board refuses anything that
 * would make the record invalid. The tally waits until an audit that started has ended, and the
 * result's postal counts are the hand counts after a full hand count.
 */
import {
  type AuditEvent,
  type AuditProblem,
  type AuditStatus,
  type EventBody,
  PostalAuditReplay,
  isAuditProblem,
  parseCanonicalJson,
  postalStyleProblem,
} from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import type { BoardHead } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import type { ElectionRecord } from '../elections/election-cache.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

const REPLAYED_TYPES = [
  'postal-batch',
  'postal-audit-commit',
  'postal-audit-start',
  'postal-audit-reveal',
  'postal-audit-sample',
  'postal-audit-count',
  'postal-audit-end',
] as const;

/** The audit as the board's events tell it (only the batch and audit events are read). */
export async function replayPostalAudit(
  database: Queryable,
  election: ElectionRecord
): Promise<PostalAuditReplay> {
  const replay = new PostalAuditReplay(election.manifest.contests);
  const rows = await database.query<{ line: string; event_hash: string }>(
    'SELECT line, event_hash FROM events WHERE election_id = $1 AND type = ANY($2) ORDER BY position',
    [election.manifest.electionId, [...REPLAYED_TYPES]]
  );
  for (const row of rows) {
    const json = parseCanonicalJson(row.line);
    if (!json.ok) throw new Error('a stored event is not canonical');
    replay.observe(json.value as AuditEvent, row.event_hash);
  }
  return replay;
}

/** Spec §9.8.1: once the audit has started no postal batch may follow (the sample is over them). */
export async function refuseBatchAfterAuditStart(
  database: Queryable,
  electionId: string
): Promise<void> {
  const rows = await database.query(
    "SELECT 1 FROM events WHERE election_id = $1 AND type = 'postal-audit-start' LIMIT 1",
    [electionId]
  );
  if (rows.length > 0)
    throw new ServiceError(
      'postal-audit/refused',
      'the postal audit has started: no more batches can be posted'
    );
}

/**
 * Appends the audit event `make` builds from the audit so far, if the replay finds no problem with
 * it; refuses with the replay's reason otherwise (its code, or `postal-audit/refused`).
 */
async function appendAuditEvent<E extends Exclude<AuditEvent, { type: 'postal-batch' }>>(
  context: ServiceContext,
  electionId: string,
  make: (replay: PostalAuditReplay, election: ElectionRecord) => E
): Promise<Appended & { body: E['body'] }> {
  return withLockedHead(context, electionId, async (transaction, head: BoardHead, election) => {
    if (!election.manifest.channels.postal)
      throw new ServiceError('election/channel-not-offered', 'this election has no postal channel');
    if (head.stage !== 'closed')
      throw new ServiceError(
        'election/wrong-stage',
        `the postal audit runs after the close and before the tally; the election is at ${head.stage}`
      );
    const replay = await replayPostalAudit(transaction, election);
    const event = make(replay, election);
    const problems = replay.observe(event, '');
    if (problems[0] !== undefined) refuse(problems[0]);
    const appended = await appendEvent(transaction, head, event.type, event.body, context.clock());
    await writeAuditLog(transaction, electionId, 'officer', event.type, {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash, body: event.body };
  });
}

/** The replay's problem as the API's refusal: its own code if it has one, else the general one. */
function refuse(problem: AuditProblem): never {
  throw new ServiceError(problem.code ?? 'postal-audit/refused', problem.message);
}

function orRefuse<T extends object>(value: T | AuditProblem): T {
  if (isAuditProblem(value)) refuse(value);
  return value;
}

export const commitAuditSeed = (context: ServiceContext, electionId: string, value: unknown) =>
  appendAuditEvent(context, electionId, () => ({
    type: 'postal-audit-commit',
    body: parseEventBody('postal-audit-commit', value),
  }));

export const startPostalAudit = (context: ServiceContext, electionId: string, value: unknown) =>
  appendAuditEvent(context, electionId, () => ({
    type: 'postal-audit-start',
    body: parseEventBody('postal-audit-start', value),
  }));

export const revealAuditSeed = (context: ServiceContext, electionId: string, value: unknown) =>
  appendAuditEvent(context, electionId, () => ({
    type: 'postal-audit-reveal',
    body: parseEventBody('postal-audit-reveal', value),
  }));

/** Spec §9.8.3: the board draws the next sample itself; `full` is the officer's escalation. */
export const drawAuditSample = (context: ServiceContext, electionId: string, full: boolean) =>
  appendAuditEvent(context, electionId, (replay) => ({
    type: 'postal-audit-sample',
    body: orRefuse<EventBody<'postal-audit-sample'>>(replay.nextSample(full)),
  }));

export const recordAuditCount = (context: ServiceContext, electionId: string, value: unknown) =>
  appendAuditEvent(context, electionId, (replay, election) => ({
    type: 'postal-audit-count',
    body: weightedHandCount(
      replay,
      styledHandCount(replay, election, parseEventBody('postal-audit-count', value))
    ),
  }));

/**
 * Spec §13.2.1 step 5 (V12.5): a hand count carries its batch's style — the board fills it in when
 * the count leaves it out — and marks no contest outside it, like the batch.
 */
function styledHandCount(
  replay: PostalAuditReplay,
  election: ElectionRecord,
  body: EventBody<'postal-audit-count'>
): EventBody<'postal-audit-count'> {
  const style = replay.batchStyle(body.batch);
  if (body.style !== undefined && body.style !== style)
    throw new ServiceError(
      'postal-audit/refused',
      `batch ${body.batch} is of style ${style ?? '(none)'}, not ${body.style}`
    );
  const styled = style === undefined ? body : { ...body, style };
  const problem = style === undefined ? null : postalStyleProblem(election.manifest, styled);
  if (problem !== null) throw new ServiceError(problem.code, problem.message);
  return styled;
}

/**
 * Spec §13.2.1 step 6 (V12.7): a hand count carries its batch's weight — the board fills it in
 * when the count leaves it out, and refuses one naming another weight.
 */
function weightedHandCount(
  replay: PostalAuditReplay,
  body: EventBody<'postal-audit-count'>
): EventBody<'postal-audit-count'> {
  const weight = replay.batchWeight(body.batch);
  if (body.weight !== undefined && body.weight !== weight)
    throw new ServiceError(
      'postal-audit/refused',
      `batch ${body.batch} is of weight ${weight ?? '(none)'}, not ${body.weight}`
    );
  return weight === undefined ? body : { ...body, weight };
}

/** Spec §9.8.3 step 7: the board ends the audit with the outcome the counts give, or refuses. */
export const endPostalAudit = (context: ServiceContext, electionId: string) =>
  appendAuditEvent(context, electionId, (replay) => ({
    type: 'postal-audit-end',
    body: orRefuse<EventBody<'postal-audit-end'>>(replay.expectedEnd()),
  }));

/** The audit's public status (and, while sampling, the batches still to count by hand). */
export async function postalAuditStatus(
  context: ServiceContext,
  electionId: string
): Promise<AuditStatus> {
  const election = await context.elections.get(electionId);
  return (await replayPostalAudit(context.database, election)).status();
}
