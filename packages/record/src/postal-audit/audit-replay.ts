/**
 * @module The postal audit as the record tells it (spec §9.8): replays the `postal-batch` and
 * `postal-audit-*` events in log order, says what the audit demands next (the next sample, or the
 * end and its outcome), and names every event that breaks the procedure. The board runs it before
 * it appends an audit event (and refuses one with a problem); the verifier runs it over the record
 * (V6.6 seeds, V6.7 samples and counts, V6.8 risk and stopping rule). One implementation for both,
 * so what the board accepts is what the verifier passes.
 */
import type { EventBody } from '../board-event.ts';
import {
  type AuditPair,
  type AuditedContest,
  type PostalCounts,
  MAX_AUDIT_DRAWS,
  auditPairs,
  drawsToConfirm,
  errorBound,
  kaplanMarkovRisk,
  overstatement,
  pickBatch,
  riskPpm,
  totalBound,
} from './audit-arithmetic.ts';
import { auditDraw, auditSeed, auditSeedCommitment } from './audit-seed.ts';
import { postalCountsLength } from '../postal-rankings.ts';
import { weightedPostalCounts } from '../postal-weights.ts';

/** The verifier's check for each rule: V6.6 seed, V6.7 sample, V6.8 stop. */
export type AuditRule = 'seed' | 'sample' | 'stop';
/**
 * The refusals an officer meets in the order of the audit's steps, each with its own code, so a
 * client words them from the code rather than the message (the board's API sends it; any other
 * problem is `postal-audit/refused` with the message).
 */
export type AuditRefusalCode =
  | 'postal-audit/no-commitment'
  | 'postal-audit/seeds-unrevealed'
  | 'postal-audit/seed-mismatch'
  | 'postal-audit/sample-uncounted'
  | 'postal-audit/risk-limit-met'
  | 'postal-audit/risk-above-limit';

export interface AuditProblem {
  readonly rule: AuditRule;
  readonly message: string;
  readonly code?: AuditRefusalCode;
}

export type AuditEvent =
  | { readonly type: 'postal-batch'; readonly body: EventBody<'postal-batch'> }
  | { readonly type: 'postal-audit-commit'; readonly body: EventBody<'postal-audit-commit'> }
  | { readonly type: 'postal-audit-start'; readonly body: EventBody<'postal-audit-start'> }
  | { readonly type: 'postal-audit-reveal'; readonly body: EventBody<'postal-audit-reveal'> }
  | { readonly type: 'postal-audit-sample'; readonly body: EventBody<'postal-audit-sample'> }
  | { readonly type: 'postal-audit-count'; readonly body: EventBody<'postal-audit-count'> }
  | { readonly type: 'postal-audit-end'; readonly body: EventBody<'postal-audit-end'> };

export const AUDIT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'postal-batch',
  'postal-audit-commit',
  'postal-audit-start',
  'postal-audit-reveal',
  'postal-audit-sample',
  'postal-audit-count',
  'postal-audit-end',
]);

export type AuditPhase = 'none' | 'committing' | 'revealing' | 'sampling' | 'ended';

/** What anyone can read of the audit at this point of the log. */
export interface AuditStatus {
  readonly phase: AuditPhase;
  readonly riskLimit: number | null;
  readonly observers: readonly { readonly observer: string; readonly revealed: boolean }[];
  readonly batches: number;
  readonly rounds: number;
  readonly draws: number;
  readonly full: boolean;
  /** Batches sampled and not yet counted by hand. */
  readonly pending: readonly string[];
  readonly counted: number;
  /** The measured risk after the counts so far, parts per million (null before any sample). */
  readonly riskPpm: number | null;
  readonly outcome: EventBody<'postal-audit-end'>['outcome'] | null;
}

interface Round {
  readonly draws: number;
  readonly full: boolean;
}

const problem = (rule: AuditRule, message: string, code?: AuditRefusalCode): AuditProblem => ({
  rule,
  message,
  ...(code === undefined ? {} : { code }),
});

/** Whether what `nextSample` or `expectedEnd` answered is a refusal rather than a body. */
export function isAuditProblem(value: object): value is AuditProblem {
  return 'rule' in value && 'message' in value;
}

export class PostalAuditReplay {
  readonly #contests: readonly AuditedContest[];
  readonly #batches: { readonly batch: string; readonly body: PostalCounts }[] = [];
  readonly #batchIndex = new Map<string, number>();
  readonly #commits: { readonly observer: string; readonly commitment: string }[] = [];
  readonly #seeds = new Map<string, string>();
  #start: { readonly riskLimit: number; readonly hash: string } | null = null;
  #pairs: AuditPair[] = [];
  #bounds: number[] = [];
  #total = 0;
  #seed: Uint8Array | null = null;
  readonly #drawn: number[] = [];
  readonly #rounds: Round[] = [];
  /** Batch indices sampled (in order of first draw, or batch order for a full round). */
  readonly #sampled: number[] = [];
  readonly #sampledSet = new Set<number>();
  readonly #counts = new Map<number, PostalCounts>();
  #end: EventBody<'postal-audit-end'> | null = null;
  #repeated = false;

  constructor(contests: readonly AuditedContest[]) {
    this.#contests = contests;
  }

  get started(): boolean {
    return this.#start !== null;
  }

  get ended(): boolean {
    return this.#end !== null;
  }

  /** Spec §9.8.4: with an audit that ended in a full hand count, the result's postal counts are the hand counts. */
  /** Spec §13.2.1: the style of a posted batch (undefined without styles or for no such batch). */
  batchStyle(batch: string): string | undefined {
    const p = this.#batchIndex.get(batch);
    return p === undefined ? undefined : this.#batches[p]?.body.style;
  }

  /** Spec §13.2.1 step 6: the weight of a posted batch (undefined without weights or for no such batch). */
  batchWeight(batch: string): number | undefined {
    const p = this.#batchIndex.get(batch);
    return p === undefined ? undefined : this.#batches[p]?.body.weight;
  }

  get handCounted(): boolean {
    return this.#end?.outcome === 'hand-counted';
  }

  /**
   * Checks one event against the audit so far and takes it in (even when it breaks a rule, so one
   * fault is reported once). `hash` is the event hash (spec §9.5): the start's enters the seed.
   */
  observe(event: AuditEvent, hash: string): AuditProblem[] {
    switch (event.type) {
      case 'postal-batch':
        return this.#batch(event.body);
      case 'postal-audit-commit':
        return this.#commit(event.body);
      case 'postal-audit-start':
        return this.#begin(event.body, hash);
      case 'postal-audit-reveal':
        return this.#reveal(event.body);
      case 'postal-audit-sample':
        return this.#sample(event.body);
      case 'postal-audit-count':
        return this.#count(event.body);
      case 'postal-audit-end':
        return this.#finish(event.body);
    }
  }

  /** Spec §9.8.4: an audit that started must have ended before the tally. */
  beforeTally(): AuditProblem[] {
    return this.#start !== null && this.#end === null
      ? [problem('stop', 'the postal audit started but did not end before the tally')]
      : [];
  }

  #batch(body: EventBody<'postal-batch'>): AuditProblem[] {
    const out: AuditProblem[] = [];
    if (this.#start !== null)
      out.push(problem('sample', `postal batch ${body.batch} after the audit started`));
    // The audit names batches by id: a repeated id (which the board refuses) makes a sample
    // ambiguous, so it fails once an audit starts; every batch still counts in the totals.
    if (this.#batchIndex.has(body.batch)) this.#repeated = true;
    else this.#batchIndex.set(body.batch, this.#batches.length);
    this.#batches.push({ batch: body.batch, body });
    return out;
  }

  #commit(body: EventBody<'postal-audit-commit'>): AuditProblem[] {
    if (this.#start !== null)
      return [problem('seed', `observer ${body.observer} committed after the audit started`)];
    if (this.#commits.some((c) => c.observer === body.observer))
      return [problem('seed', `observer ${body.observer} committed twice`)];
    this.#commits.push(body);
    return [];
  }

  #begin(body: EventBody<'postal-audit-start'>, hash: string): AuditProblem[] {
    if (this.#start !== null) return [problem('seed', 'a second postal-audit-start')];
    this.#start = { riskLimit: body.riskLimit, hash };
    // Spec §13.2.1 step 6: the audit compares weighted counts (a paper of weight w as w papers).
    const reported = this.#batches.map((b) => weightedPostalCounts(b.body));
    this.#pairs = auditPairs(this.#contests, reported);
    this.#bounds = reported.map((b) => errorBound(b, this.#pairs));
    this.#total = totalBound(this.#bounds);
    return [
      ...(this.#commits.length === 0
        ? [
            problem(
              'seed',
              'the audit started with no observer seed committed',
              'postal-audit/no-commitment'
            ),
          ]
        : []),
      ...(this.#repeated
        ? [problem('sample', 'two postal batches share an id: the audit cannot name its sample')]
        : []),
    ];
  }

  #reveal(body: EventBody<'postal-audit-reveal'>): AuditProblem[] {
    if (this.#start === null)
      return [problem('seed', `observer ${body.observer} revealed before the audit started`)];
    const commit = this.#commits.find((c) => c.observer === body.observer);
    if (commit === undefined)
      return [problem('seed', `observer ${body.observer} revealed without a commitment`)];
    if (this.#seeds.has(body.observer))
      return [problem('seed', `observer ${body.observer} revealed twice`)];
    if (this.#rounds.length > 0)
      return [problem('seed', `observer ${body.observer} revealed after the sampling began`)];
    // Taken as published even when it does not open the commitment (that is this rule's
    // failure), so a sample drawn from a substituted seed fails here and nowhere else.
    this.#seeds.set(body.observer, body.seed);
    if (this.#seeds.size === this.#commits.length)
      this.#seed = auditSeed(
        this.#start.hash,
        this.#commits.map((c) => this.#seeds.get(c.observer) ?? '')
      );
    return auditSeedCommitment(body.observer, body.seed) === commit.commitment
      ? []
      : [
          problem(
            'seed',
            `observer ${body.observer}'s seed does not open its commitment`,
            'postal-audit/seed-mismatch'
          ),
        ];
  }

  /** The risk after every draw so far, if every sampled batch has been counted (else null). */
  #risk(): number | null {
    if (this.#total === 0) return 0;
    const taints: number[] = [];
    for (const p of this.#drawn) {
      const found = this.#counts.get(p);
      const reported = this.#batches[p];
      if (found === undefined || reported === undefined) return null;
      taints.push(
        overstatement(
          weightedPostalCounts(reported.body),
          weightedPostalCounts({ ...found, weight: reported.body.weight }),
          this.#pairs
        ) / (this.#bounds[p] ?? 1)
      );
    }
    return kaplanMarkovRisk(taints, this.#total);
  }

  #allCounted(): boolean {
    return this.#batches.every((_, p) => this.#counts.has(p));
  }

  /**
   * Spec §9.8.3 step 6: the sample the audit demands next, as the body of `postal-audit-sample`
   * (`full` forces a full hand count, which the officer may choose at any round), or a problem
   * saying why none is due.
   */
  nextSample(full = false): EventBody<'postal-audit-sample'> | AuditProblem {
    if (this.#start === null) return problem('sample', 'the audit has not started');
    if (this.#end !== null) return problem('sample', 'the audit has ended');
    if (!full && this.#seed === null)
      return problem(
        'sample',
        'not every committed observer seed has been revealed',
        'postal-audit/seeds-unrevealed'
      );
    if (this.#rounds.at(-1)?.full === true)
      return problem('sample', 'a full hand count is under way: no further sample');
    const pending = this.#sampled.filter((p) => !this.#counts.has(p));
    if (pending.length > 0)
      return problem(
        'sample',
        `${pending.length} sampled batches are not counted yet`,
        'postal-audit/sample-uncounted'
      );
    const risk = this.#risk() ?? Infinity;
    const alpha = this.#start.riskLimit / 100;
    if (!full && risk <= alpha && this.#rounds.length > 0)
      return problem(
        'sample',
        'the risk limit is met: the audit can end',
        'postal-audit/risk-limit-met'
      );
    const round = this.#rounds.length + 1;
    const drawn = this.#drawn.length;
    const more =
      this.#total === 0 ? 0 : drawsToConfirm(risk, this.#total, alpha, MAX_AUDIT_DRAWS - drawn);
    if (full || more === null || !Number.isFinite(this.#total)) {
      const rest = this.#batches.flatMap((b, p) => (this.#counts.has(p) ? [] : [b.batch]));
      return { round, draws: drawn, full: true, riskPpm: riskPpm(risk), batches: rest };
    }
    const seed = this.#seed;
    const fresh: string[] = [];
    const seen = new Set(this.#sampledSet);
    for (let j = drawn + 1; j <= drawn + more && seed !== null; j++) {
      const p = pickBatch(auditDraw(seed, j), this.#bounds, this.#total);
      if (!seen.has(p)) {
        seen.add(p);
        fresh.push(this.#batches[p]?.batch ?? '');
      }
    }
    return { round, draws: drawn + more, full: false, riskPpm: riskPpm(risk), batches: fresh };
  }

  #sample(body: EventBody<'postal-audit-sample'>): AuditProblem[] {
    const expected = this.nextSample(body.full);
    if (isAuditProblem(expected)) return [expected];
    const same =
      expected.round === body.round &&
      expected.draws === body.draws &&
      expected.full === body.full &&
      expected.riskPpm === body.riskPpm &&
      expected.batches.length === body.batches.length &&
      expected.batches.every((b, i) => body.batches[i] === b);
    const problems = same
      ? []
      : [
          problem(
            'sample',
            `round ${body.round} is not the sample the seed draws (expected ${expected.draws} draws, batches ${expected.batches.join(' ') || '(none)'})`
          ),
        ];
    // Taken as published: the draws are the seed's, the batches to count the round's list.
    const seed = this.#seed;
    const upTo = Math.min(body.draws, MAX_AUDIT_DRAWS);
    for (let j = this.#drawn.length + 1; j <= upTo && seed !== null && !body.full; j++)
      this.#drawn.push(pickBatch(auditDraw(seed, j), this.#bounds, this.#total));
    for (const batch of body.batches) {
      const p = this.#batchIndex.get(batch);
      if (p !== undefined && !this.#sampledSet.has(p)) {
        this.#sampledSet.add(p);
        this.#sampled.push(p);
      }
    }
    this.#rounds.push({ draws: body.draws, full: body.full });
    return problems;
  }

  #count(body: EventBody<'postal-audit-count'>): AuditProblem[] {
    const p = this.#batchIndex.get(body.batch);
    if (this.#end !== null) return [problem('sample', `batch ${body.batch} counted after the end`)];
    if (p === undefined || !this.#sampledSet.has(p))
      return [problem('sample', `batch ${body.batch} was counted but not sampled`)];
    if (this.#counts.has(p)) return [problem('sample', `batch ${body.batch} counted twice`)];
    const shape =
      body.contests.length === this.#contests.length &&
      this.#contests.every((c, i) => {
        const entry = body.contests[i];
        // Spec §11.8: the audit does not cover a ranked contest; its entry is `{counts: []}`.
        return (
          entry?.counts.length === postalCountsLength(c) &&
          (entry.rankings === undefined || entry.rankings.length === 0)
        );
      });
    if (!shape)
      return [problem('sample', `batch ${body.batch}: the count does not have the ballot's shape`)];
    this.#counts.set(p, body);
    return [];
  }

  /** Spec §9.8.3 step 7: the end the audit may publish now, or why it may not end. */
  expectedEnd(): EventBody<'postal-audit-end'> | AuditProblem {
    if (this.#start === null) return problem('stop', 'the audit has not started');
    if (this.#end !== null) return problem('stop', 'the audit has already ended');
    const pending = this.#sampled.filter((p) => !this.#counts.has(p));
    if (pending.length > 0)
      return problem(
        'stop',
        `${pending.length} sampled batches are not counted yet`,
        'postal-audit/sample-uncounted'
      );
    if (this.#allCounted()) return { outcome: 'hand-counted', riskPpm: 0 };
    const risk = this.#rounds.length === 0 ? null : this.#risk();
    if (risk === null || risk > this.#start.riskLimit / 100)
      return problem(
        'stop',
        `the measured risk (${riskPpm(risk ?? Infinity)} ppm) is above the ${this.#start.riskLimit} % limit: the audit must escalate`,
        'postal-audit/risk-above-limit'
      );
    return { outcome: 'confirmed', riskPpm: riskPpm(risk) };
  }

  #finish(body: EventBody<'postal-audit-end'>): AuditProblem[] {
    const expected = this.expectedEnd();
    if (isAuditProblem(expected)) {
      this.#end ??= body;
      return [expected];
    }
    this.#end = body;
    return expected.outcome === body.outcome && expected.riskPpm === body.riskPpm
      ? []
      : [
          problem(
            'stop',
            `the audit ended "${body.outcome}" at ${body.riskPpm} ppm; the counts give "${expected.outcome}" at ${expected.riskPpm} ppm`
          ),
        ];
  }

  /**
   * Spec §9.8.4: the postal counts the result must carry, per contest, per candidate: the hand
   * counts after a full hand count, else the sums of the batches.
   */
  postalTotals(): number[][] {
    // Spec §13.2.1 step 6: a paper counts its batch's weight (1 without weights).
    const source = this.#countOfRecord().map((body) => weightedPostalCounts(body));
    return this.#contests.map((contest, c) =>
      contest.candidates.map((_, j) =>
        source.reduce((sum, body) => sum + (body.contests[c]?.counts[j] ?? 0), 0)
      )
    );
  }

  /**
   * Spec §9.9: the postal papers and spoilt papers a declaration reports — the hand counts' after
   * a full hand count (what the paper showed), else the batches'.
   */
  postalPapers(): { readonly papers: number; readonly spoilt: number } {
    const source = this.#countOfRecord();
    return {
      papers: source.reduce((sum, body) => sum + body.papers, 0),
      spoilt: source.reduce((sum, body) => sum + body.spoilt, 0),
    };
  }

  /**
   * Spec §9.8.4: the batches' counts that are the count — hand counts after a full hand count —
   * each with its style (§13.2.1), for the per-contest postal turnout.
   */
  countOfRecord(): readonly PostalCounts[] {
    return this.#countOfRecord();
  }

  #countOfRecord(): PostalCounts[] {
    return this.handCounted
      ? this.#batches.map((_, p) => this.#counts.get(p)).filter((c) => c !== undefined)
      : this.#batches.map((b) => b.body);
  }

  status(): AuditStatus {
    const pending = this.#sampled.filter((p) => !this.#counts.has(p));
    const risk = this.#rounds.length === 0 || pending.length > 0 ? null : this.#risk();
    return {
      phase:
        this.#end !== null
          ? 'ended'
          : this.#rounds.length > 0
            ? 'sampling'
            : this.#start !== null
              ? 'revealing'
              : this.#commits.length > 0
                ? 'committing'
                : 'none',
      riskLimit: this.#start?.riskLimit ?? null,
      observers: this.#commits.map((c) => ({
        observer: c.observer,
        revealed: this.#seeds.has(c.observer),
      })),
      batches: this.#batches.length,
      rounds: this.#rounds.length,
      draws: this.#drawn.length,
      full: this.#rounds.at(-1)?.full === true,
      pending: pending.map((p) => this.#batches[p]?.batch ?? ''),
      counted: this.#counts.size,
      riskPpm: risk === null ? null : riskPpm(risk),
      outcome: this.#end?.outcome ?? null,
    };
  }
}

/**
 * Spec §9.8.4: the postal counts a result carries, from a log's events in order (other types are
 * skipped): the batches' sums, or the hand counts after a full hand count.
 */
export function auditedPostalTotals(
  contests: readonly AuditedContest[],
  events: Iterable<{ readonly type: string; readonly body: unknown }>
): number[][] {
  const replay = new PostalAuditReplay(contests);
  for (const event of events)
    if (AUDIT_EVENT_TYPES.has(event.type)) replay.observe(event as AuditEvent, '');
  return replay.postalTotals();
}
