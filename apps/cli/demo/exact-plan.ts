/**
 * @module The plan of `npm run demo -- --scenario exact` (a stable contract): an election whose
 * votes are given as exact counts per channel, so a published result can be replayed end to end:
 *
 *   {"members": N, "contests": [{"title", "candidates": [names], "online": [counts],
 *    "postal": [counts], "spoilt": n}]}
 *
 * Every contest is 1-of-n (a paper or ballot marks one candidate in each contest), so all contests
 * must agree on how many members voted online (Σ online) and how many postal papers there were
 * (Σ postal + spoilt, `spoilt` being rejected postal papers, the same in every contest). Also here:
 * which candidate each voter marks, spread through the papers so that every batch is a mix.
 */
import { z } from 'zod';

const count = z.number().int().min(0).max(10_000_000);
const contestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  candidates: z.array(z.string().trim().min(1).max(200)).min(2).max(50),
  online: z.array(count),
  postal: z.array(count),
  spoilt: count,
});
const planSchema = z.strictObject({
  members: z.number().int().min(1).max(10_000_000),
  contests: z.array(contestSchema).min(1).max(20),
});

export type ExactPlan = z.infer<typeof planSchema>;

/** A plan the demo cannot run, naming the rule it breaks. */
export class ExactPlanError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'ExactPlanError';
    this.code = code;
  }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The plan's voters: how many voted online, how many postal papers came back, how many spoilt. */
export interface PlanTurnout {
  readonly online: number;
  readonly papers: number;
  readonly spoilt: number;
}

/** Parses and checks a plan (JSON text or value); throws {@link ExactPlanError}. */
export function parseExactPlan(input: unknown): { plan: ExactPlan; turnout: PlanTurnout } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ExactPlanError('plan/not-json', (error as Error).message);
    }
  }
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExactPlanError(
      'plan/invalid',
      `${issue?.path.join('.') || '(plan)'}: ${issue?.message ?? 'invalid'}`
    );
  }
  const plan = parsed.data;
  plan.contests.forEach((contest, c) => {
    const names = new Set(contest.candidates.map((n) => n.toLowerCase()));
    if (names.size !== contest.candidates.length)
      throw new ExactPlanError(
        'plan/duplicate-candidate',
        `contest ${c + 1} names a candidate twice`
      );
    for (const key of ['online', 'postal'] as const)
      if (contest[key].length !== contest.candidates.length)
        throw new ExactPlanError(
          'plan/wrong-count-length',
          `contest ${c + 1}: "${key}" has ${contest[key].length} counts for ${contest.candidates.length} candidates`
        );
  });
  const first = plan.contests[0] as ExactPlan['contests'][number];
  const turnout = {
    online: sum(first.online),
    papers: sum(first.postal) + first.spoilt,
    spoilt: first.spoilt,
  };
  plan.contests.forEach((contest, c) => {
    if (sum(contest.online) !== turnout.online || contest.spoilt !== turnout.spoilt)
      throw new ExactPlanError(
        'plan/contests-disagree',
        `contest ${c + 1}: every contest is 1-of-n, so all must count the same ${turnout.online} online voters and ${turnout.spoilt} spoilt papers`
      );
    if (sum(contest.postal) + contest.spoilt !== turnout.papers)
      throw new ExactPlanError(
        'plan/contests-disagree',
        `contest ${c + 1}: postal votes and spoilt papers add up to ${sum(contest.postal) + contest.spoilt}, contest 1 to ${turnout.papers}`
      );
  });
  if (turnout.online + turnout.papers > plan.members)
    throw new ExactPlanError(
      'plan/more-votes-than-members',
      `${turnout.online} online votes and ${turnout.papers} postal papers for ${plan.members} members`
    );
  if (turnout.online + turnout.papers === 0)
    throw new ExactPlanError('plan/no-votes', 'the plan casts no vote at all');
  return { plan, turnout };
}

/** Candidate ids of the manifest (§9.2.1) from the names: lower-case, hyphens, unique. */
export function candidateIds(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, j) => {
    const slug = name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56);
    let id = /^[a-z0-9]/.test(slug) ? slug : `candidate-${j + 1}`;
    while (seen.has(id)) id = `${id.slice(0, 56)}-${j + 1}`;
    seen.add(id);
    return id;
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The candidate (0-based) voter k of `counts.length` voters marks, for k in 0 … Σ counts − 1: the
 * k-th entry of the list "candidate 0 counts[0] times, candidate 1 counts[1] times, …" read with a
 * stride coprime to its length, so that consecutive voters (one batch) are a mix and every
 * candidate gets exactly its count.
 */
export function spreadChoices(counts: readonly number[]): (k: number) => number {
  const total = sum(counts);
  let stride = 1_000_003;
  while (total > 1 && gcd(stride, total) !== 1) stride += 2;
  const bounds: number[] = [];
  let running = 0;
  for (const n of counts) bounds.push((running += n));
  return (k) => {
    const position = total === 0 ? 0 : Number((BigInt(k) * BigInt(stride)) % BigInt(total));
    let j = 0;
    while (j < bounds.length - 1 && position >= (bounds[j] ?? 0)) j++;
    return j;
  };
}
