/**
 * @module The ranked phase through the board (spec §11.8): a mix, a trustee's shares of a round,
 * the rankings and the result of a ranked contest, each checked under the head lock as the
 * verifier checks it (its `verifyRankedContest`, V10.2–V10.5, and `checkRankedResult`, V11) on
 * the board as it would be after the append, and refused with a `mix/…` or `ranked/…` code when
 * the step would fail or is out of order. A mix must also be signed by its mix server (V10.6,
 * `mixSignatureProblem`): the officer's key authorises the route but cannot make a mix, and a mix
 * server's own route (mixer-posts.ts) checks that signature before it comes here. A step's
 * parts arrive in one request and are appended together, so the record never holds part of a
 * step or a step that fails.
 */
import { bytesToHex } from '@scrutineer/crypto';
import {
  type EventBody,
  type MixBody,
  type RankedDecryptionShareBody,
  countRankingsOf,
  isRankedContest,
  mixInputHashOfEncodings,
  mixSignatureProblem,
  postalRankingsOf,
} from '@scrutineer/record';
import { mixOutputRows, mixProofOf, submissionOf } from '@scrutineer/protocol';
import { countSeed } from '@scrutineer/ranked-count';
import {
  type RankedCheckResult,
  type RankedFailure,
  checkRankedResult,
  rowEncodings,
  verifyRankedContest,
} from '@scrutineer/verifier';
import { appendEvent, appendEvents } from '../../board/append-event.ts';
import { checkpointAt, listCheckpoints } from '../../board/checkpoints.ts';
import type { BoardHead } from '../../board/board-head.ts';
import type { Queryable } from '../../database/database.ts';
import type { ElectionRecord } from '../../elections/election-cache.ts';
import { ServiceError } from '../../http-errors.ts';
import type { ServiceContext } from '../../service-context.ts';
import { type Actor, writeAuditLog } from '../audit-log.ts';
import { type Appended, parseEventBody, withLockedHead } from '../setup-steps.ts';
import { type RankedBoard, bodiesOf, joinedOrRefuse, readRankedBoard } from './ranked-board.ts';
import { nextMixKey, rememberCheckedMixes } from './checked-mixes.ts';

export interface RankedAppended {
  readonly positions: number[];
}

/** The verifier's V10 on the board with these additions. */
function verdict(
  context: ServiceContext,
  board: RankedBoard,
  change: Partial<Pick<RankedBoard, 'mixes' | 'rounds'>> & { rankings?: readonly number[][] }
): Map<string, RankedCheckResult> {
  const results = verifyRankedContest(context.group, {
    baseHash: board.baseHash,
    publicKey: board.publicKey,
    contest: board.contest,
    candidates: board.candidates,
    threshold: board.threshold,
    verificationKeys: board.verificationKeys,
    ballots: [],
    firstInputs: board.inputs,
    mixes: change.mixes ?? board.mixes,
    rounds: change.rounds ?? board.rounds,
    rankings: change.rankings ?? [],
    checkedMixes: board.checkedMixes,
  });
  return new Map(results.map((r) => [r.id, r]));
}

/**
 * Remembers every mix on the board that V10.2 passed in `checks` and was not yet remembered,
 * and `appended`, the mix just appended (its key from its stored lines), so that later steps do
 * not verify their proofs again (checked-mixes.ts). In the step's transaction: nothing is
 * remembered of a step that is not appended.
 */
async function rememberChecked(
  transaction: Queryable,
  electionId: string,
  board: RankedBoard,
  checks: Map<string, RankedCheckResult>,
  appended?: { readonly mixer: number; readonly lines: readonly string[] }
): Promise<void> {
  const failed = new Set(checks.get('V10.2')?.failures.map((f) => f.mixer));
  const passed = board.mixKeys.filter(
    (k) => !board.checkedMixes.has(k.mixer) && !failed.has(k.mixer)
  );
  if (appended !== undefined && !failed.has(appended.mixer))
    passed.push({
      mixer: appended.mixer,
      key: bytesToHex(nextMixKey(board.lastKey, appended.lines)),
    });
  await rememberCheckedMixes(transaction, electionId, board.contest, passed);
}

const roundOf = (f: RankedFailure): number => Number(/^round (\d+)/.exec(f.message)?.[1] ?? -1);

function checkTallied(stage: string): void {
  if (stage !== 'tallied')
    throw new ServiceError(
      'election/wrong-stage',
      `the ranked phase follows the tally; the election is at ${stage}`
    );
}

/** Spec §11.8: a mix's parts, each a `mix` body, joined in order, or a refusal. */
export function joinedMixParts(values: readonly unknown[]): readonly MixBody[] {
  return joinedOrRefuse(
    values.map((p) => parseEventBody('mix', p)),
    (a: MixBody, b: MixBody) =>
      a.contest === b.contest && a.mixer === b.mixer && a.inputHash === b.inputHash
  );
}

export async function postMix(
  context: ServiceContext,
  electionId: string,
  value: { parts: unknown[] },
  actor: Actor = 'officer'
): Promise<RankedAppended> {
  const parts = joinedMixParts(value.parts);
  return withLockedHead(context, electionId, (transaction, head, election) =>
    appendMix(context, transaction, head, election, parts, actor)
  );
}

/**
 * Checks mixer m's joined parts on the locked head as V10.2 would (in order, on its
 * predecessor's output, its proof) and appends them together; the one-request route and a
 * staged commit (ranked-staging.ts) both end here.
 */
export async function appendMix(
  context: ServiceContext,
  transaction: Queryable,
  head: BoardHead,
  election: ElectionRecord,
  parts: readonly MixBody[],
  /** Who posted it, for the audit log: the officer relaying it, or mix server m itself. */
  actor: Actor = 'officer'
): Promise<RankedAppended> {
  const { group } = context;
  const { electionId } = election;
  const first = parts[0] as MixBody;
  {
    checkTallied(head.stage);
    const board = await readRankedBoard(context, transaction, election, first.contest);
    if (first.mixer !== board.mixes.length + 1 || first.mixer > board.mixers)
      throw new ServiceError(
        'ranked/out-of-order',
        `mixer ${first.mixer} of ${board.mixers}; ${board.mixes.length} mix(es) are on the board`
      );
    // V10.6: signed by mix server m itself; the officer who relays the mix cannot have made it.
    const unsigned = mixSignatureProblem(group, election.manifest, election.manifestHash, parts);
    if (unsigned !== null) throw new ServiceError('mix/invalid-signature', unsigned);
    const previous = board.mixes.at(-1)?.outputs ?? board.inputs;
    // V10.2: the input is the predecessor's output (the counted ballots' for the first mixer).
    const inputHash = mixInputHashOfEncodings(
      first.contest,
      first.mixer,
      rowEncodings(group, previous)
    );
    if (first.inputHash !== bytesToHex(inputHash)) throw new ServiceError('mix/wrong-input');
    let step;
    try {
      step = {
        mixer: first.mixer,
        inputs: previous,
        outputs: mixOutputRows(group, parts),
        proof: mixProofOf(group, parts, board.candidates + 1),
      };
    } catch (error) {
      throw new ServiceError('mix/invalid-proof', (error as Error).message);
    }
    const checks = verdict(context, board, { mixes: [...board.mixes, step] });
    const fault = checks.get('V10.2')?.failures.find((f) => f.mixer === first.mixer);
    if (fault !== undefined) throw new ServiceError('mix/invalid-proof', fault.message);
    const appended = await appendEvents(transaction, head, 'mix', [...parts], context.clock());
    await rememberChecked(transaction, electionId, board, checks, {
      mixer: first.mixer,
      lines: appended.map((a) => a.line),
    });
    await writeAuditLog(transaction, electionId, actor, 'mix', {
      contest: first.contest,
      mixer: first.mixer,
      parts: parts.length,
    });
    return { positions: appended.map((a) => a.position) };
  }
}

/** Spec §11.8: a trustee's shares of a round, each a `ranked-decryption-share` body, joined. */
export function joinedShareParts(values: readonly unknown[]): readonly RankedDecryptionShareBody[] {
  return joinedOrRefuse(
    values.map((p) => parseEventBody('ranked-decryption-share', p)),
    (a: RankedDecryptionShareBody, b: RankedDecryptionShareBody) =>
      a.contest === b.contest &&
      a.position === b.position &&
      a.trustee === b.trustee &&
      a.checkpoint.size === b.checkpoint.size &&
      a.checkpoint.root === b.checkpoint.root
  );
}

export async function postRankedShares(
  context: ServiceContext,
  electionId: string,
  value: { parts: unknown[] }
): Promise<RankedAppended> {
  const parts = joinedShareParts(value.parts);
  return withLockedHead(context, electionId, (transaction, head, election) =>
    appendShares(context, transaction, head, election, parts)
  );
}

/**
 * Checks trustee l's joined shares of round p on the locked head as V10.3–V10.4 would and
 * appends them together (the one-request route and a staged commit).
 */
export async function appendShares(
  context: ServiceContext,
  transaction: Queryable,
  head: BoardHead,
  election: ElectionRecord,
  parts: readonly RankedDecryptionShareBody[]
): Promise<RankedAppended> {
  const { electionId } = election;
  const first = parts[0] as RankedDecryptionShareBody;
  const { trustee, position } = first;
  {
    checkTallied(head.stage);
    const board = await readRankedBoard(context, transaction, election, first.contest);
    if (board.mixes.length < board.mixers || board.rankings.length > 0)
      throw new ServiceError(
        'ranked/out-of-order',
        'decryption follows the last mix and precedes the rankings'
      );
    if (!board.qualified.includes(trustee)) throw new ServiceError('trustee/not-qualified');
    const signed = await checkpointAt(transaction, electionId, first.checkpoint.size);
    if (signed === null || signed.root !== first.checkpoint.root)
      throw new ServiceError('ranked/unknown-checkpoint');
    const last = board.rounds.at(-1)?.position ?? -1;
    if (position !== last && position !== last + 1)
      throw new ServiceError(
        'ranked/out-of-order',
        `round ${position} while round ${last} is the latest`
      );
    const current = board.rounds.find((r) => r.position === position);
    if (current?.submissions.some((s) => s.trustee === trustee))
      throw new ServiceError('ranked/duplicate-share');
    let submission;
    try {
      submission = submissionOf(context.group, board.verificationKeys.length, parts);
    } catch (error) {
      throw new ServiceError('ranked/invalid-shares', (error as Error).message);
    }
    const rounds = [
      ...board.rounds.filter((r) => r.position !== position),
      { position, submissions: [...(current?.submissions ?? []), submission] },
    ];
    const checks = verdict(context, board, { rounds });
    const mine = (f: RankedFailure) => f.trustee === trustee && roundOf(f) === position;
    const bad = checks.get('V10.3')?.faults.find(mine);
    if (bad !== undefined) throw new ServiceError('ranked/invalid-share-proof', bad.message);
    const wrong = checks.get('V10.3')?.failures.find(mine);
    if (wrong !== undefined) throw new ServiceError('ranked/invalid-shares', wrong.message);
    // V10.4 on the rounds before this one: each decrypted (k valid trustees), and this round needed.
    const v104 = checks.get('V10.4')?.failures ?? [];
    const earlier = v104.find((f) => roundOf(f) >= 0 && roundOf(f) < position);
    if (earlier !== undefined) throw new ServiceError('ranked/out-of-order', earlier.message);
    const needless = v104.find((f) => roundOf(f) === position && /already stopped/.test(f.message));
    if (needless !== undefined) throw new ServiceError('ranked/out-of-order', needless.message);
    await rememberChecked(transaction, electionId, board, checks);
    const appended = await appendEvents(
      transaction,
      head,
      'ranked-decryption-share',
      [...parts],
      context.clock()
    );
    await writeAuditLog(transaction, electionId, 'officer', 'ranked-decryption-share', {
      contest: first.contest,
      position,
      trustee,
    });
    return { positions: appended.map((a) => a.position) };
  }
}

export async function postRankings(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('ranked-rankings', value);
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    checkTallied(head.stage);
    const board = await readRankedBoard(context, transaction, election, body.contest);
    if (board.mixes.length < board.mixers || board.rankings.length > 0)
      throw new ServiceError(
        'ranked/out-of-order',
        'the rankings follow the last mix and its rounds, once per contest'
      );
    const checks = verdict(context, board, { rankings: body.rankings });
    const failure = [checks.get('V10.4'), checks.get('V10.5')].flatMap((r) => r?.failures ?? [])[0];
    if (body.candidates !== board.candidates || failure !== undefined)
      throw new ServiceError(
        'ranked/rankings-mismatch',
        failure?.message ?? `the contest has ${board.candidates} candidates`
      );
    await rememberChecked(transaction, election.electionId, board, checks);
    return appendLogged(context, transaction, head, electionId, 'ranked-rankings', body);
  });
}

export async function postRankedResult(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('ranked-result', value);
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    checkTallied(head.stage);
    const { manifest } = election;
    const c = manifest.contests.findIndex((x) => x.id === body.contestId);
    const contest = manifest.contests[c];
    if (contest === undefined || !isRankedContest(contest))
      throw new ServiceError('ranked/not-ranked');
    const rankings = (await bodiesOf(transaction, electionId, 'ranked-rankings')).find(
      (r) => r.body.contest === c
    );
    const published = (await bodiesOf(transaction, electionId, 'ranked-result')).some(
      (r) => r.body.contestId === contest.id
    );
    if (rankings === undefined || published)
      throw new ServiceError(
        'ranked/out-of-order',
        'the result follows the rankings, once per contest'
      );
    // Spec §11.8: the count reads the online rankings, then the postal papers' (V11, V10.7).
    const postal = postalRankingsOf(
      c,
      (await bodiesOf(transaction, electionId, 'postal-batch')).map((b) => b.body)
    );
    const seed = countSeed(
      election.manifestHash,
      await closeRoot(transaction, electionId),
      contest.id
    );
    const findings = checkRankedResult(
      {
        contestId: contest.id,
        method: contest.method,
        rules:
          contest.method === 'stv' ? ((contest.rules ?? null) as 'ers97' | 'meek' | null) : null,
        seats: contest.seats ?? 1,
        candidates: contest.candidates.length,
        seed,
      },
      countRankingsOf(rankings.body, postal),
      body
    );
    if (findings[0] !== undefined)
      throw new ServiceError(
        'ranked/result-mismatch',
        `${findings[0].check}: ${findings[0].message}`
      );
    return appendLogged(context, transaction, head, electionId, 'ranked-result', body);
  });
}

/** Spec §12.3.1: the root of the first checkpoint covering `election-close`. */
async function closeRoot(transaction: Queryable, electionId: string): Promise<string> {
  const close = (await bodiesOf(transaction, electionId, 'election-close'))[0];
  const root =
    close === undefined
      ? undefined
      : (await listCheckpoints(transaction, electionId, close.position + 1, 1))[0]?.root;
  if (root === undefined)
    throw new ServiceError('election/wrong-stage', 'no checkpoint covers the close yet');
  return root;
}

async function appendLogged<T extends 'ranked-rankings' | 'ranked-result'>(
  context: ServiceContext,
  transaction: Queryable,
  head: Parameters<typeof appendEvent>[1],
  electionId: string,
  type: T,
  body: EventBody<T>
): Promise<Appended> {
  const appended = await appendEvent(transaction, head, type, body, context.clock());
  await writeAuditLog(transaction, electionId, 'officer', type, { position: appended.position });
  return { position: appended.position, hash: appended.hash };
}
