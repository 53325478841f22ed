/**
 * @module The manifest (spec §9.2): what an election is, fixed before anything else is published.
 * Decoding is strict: unknown fields, wrong lengths and broken invariants are refused with a code.
 */
import { z } from 'zod';
import { hexBytes, recordErrorFromZod } from './hex.ts';
import { instantSchema } from './instant.ts';
import { RANKED_METHODS, STV_RULES } from './ranked-result.ts';
import { textSchema } from './text.ts';
import { type RecordError, type Result, err, ok, recordError } from './result.ts';

export const FORMAT = 'scrutineer/v1';

const id = (max: number) =>
  z
    .string()
    .regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${max - 1}}$`), 'lower-case letters, digits, hyphens');
/** Spec §9.2: 1–200 characters, counted in code points. */
const text = textSchema(1, 200);

/** An ISO 639 language code (2–3 lower-case letters), the key of every translation map. */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code');

/**
 * Spec §9.2, §9.11: a member-facing text in other languages, by ISO 639 code. Optional wherever it
 * appears, and omitted when absent, so manifests without it hash as before.
 */
const translationsOf = <T extends z.ZodType>(value: T) =>
  z
    .record(languageCode, value)
    .refine((texts) => Object.keys(texts).length <= 10, 'at most 10 languages')
    .optional();

const candidateSchema = z.strictObject({
  id: id(64),
  name: text,
  translations: translationsOf(text),
});

const contestSchema = z.strictObject({
  id: id(64),
  title: text,
  translations: translationsOf(text),
  minSelections: z.number().int().min(0),
  maxSelections: z.number().int().min(1),
  candidates: z.array(candidateSchema).min(2).max(50),
  /**
   * Spec §9.2.1, §11.1, §12.1: absent, the contest is counted homomorphically (1-of-n, k-of-n,
   * yes/no by its selection limits); `irv` (AV, one place) or `stv` (`seats` places, by `rules`)
   * makes it a ranked contest, mixed (§11) and counted from its rankings (§12). Omitted when absent,
   * so manifests without it hash as before.
   */
  method: z.enum(RANKED_METHODS).optional(),
  /** Spec §12.1: the STV rule set (`ers97` or `meek`); for IRV absent or `irv`. */
  rules: z.enum(['irv', ...STV_RULES]).optional(),
  /** Spec §12.1: places to fill; IRV 1 (may be left out), STV 1 … candidates − 1. */
  seats: z.number().int().min(1).max(49).optional(),
});

/**
 * Spec §9.2: a security question; `translations` (optional, so manifests without it hash as
 * before) gives the label in other languages by ISO 639 code, for booths that show them.
 */
const securityQuestionSchema = z.strictObject({
  id: id(32),
  label: text,
  translations: translationsOf(text),
});

/** Spec §9.11: the election's own texts in another language (either may be left out). */
const electionTextsSchema = z.strictObject({
  title: text.optional(),
  organisation: text.optional(),
});

const trusteeSchema = z.strictObject({
  index: z.number().int().min(1),
  name: text,
  publicKey: hexBytes(32),
  /** Proof of possession of the ceremony key (spec §7.2), bound to the election id. */
  keyProof: hexBytes(64),
});

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  electionId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'election id: 3–64 of [a-z0-9-]'),
  title: text,
  organisation: text,
  /** Spec §9.11: `title` and `organisation` in other languages, e.g. `{"cy": {"title": "…"}}`. */
  translations: translationsOf(electionTextsSchema),
  /**
   * Spec §9.11: who members contact about the election (the returning officer), shown by the
   * booth; `translations` gives `name` in other languages.
   */
  contact: z
    .strictObject({
      name: text,
      email: textSchema(3, 254).optional(),
      phone: textSchema(3, 40).optional(),
      translations: translationsOf(text),
    })
    .optional(),
  /** Spec §9.11: the organisation's colour (`#rrggbb`), drawn as the header's rule. */
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/, 'a colour as #rrggbb, lower case')
    .optional(),
  contests: z.array(contestSchema).min(1).max(20),
  window: z.strictObject({ opens: instantSchema, closes: instantSchema }),
  channels: z.strictObject({ online: z.boolean(), postal: z.boolean() }),
  policy: z.enum(['first-ballot-final', 'last-ballot-counts']),
  trustees: z.strictObject({
    threshold: z.number().int().min(1),
    members: z.array(trusteeSchema).min(1).max(100),
  }),
  board: z.strictObject({ publicKey: hexBytes(32) }),
  roll: z.strictObject({ count: z.number().int().min(0), root: hexBytes(32) }),
  securityQuestions: z.array(securityQuestionSchema).max(5),
  nominations: z
    .strictObject({
      threshold: z.number().int().min(1),
      hash: hexBytes(32),
      qualified: z.array(id(64)),
    })
    .optional(),
  /**
   * Spec §9.2.7: replacement packs. Absent, no replacement is allowed. `approverKey` is the
   * registrar's replacement-approval key (a §5.4 signature key), `limit` the most replacements,
   * `stopsBeforeClose` how many seconds before `window.closes` replacements stop.
   */
  replacements: z
    .strictObject({
      approverKey: hexBytes(32),
      limit: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      stopsBeforeClose: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    })
    .optional(),
  /**
   * Spec §9.2.8, §10.6: the witnesses who co-sign checkpoints, by name and §5.4 public key, and how
   * many co-signatures make a checkpoint confirmed. Absent, the election has no witnesses.
   */
  witnesses: z
    .strictObject({
      quorum: z.number().int().min(1),
      members: z
        .array(z.strictObject({ name: text, publicKey: hexBytes(32) }))
        .min(1)
        .max(20),
    })
    .optional(),
  /**
   * Spec §13.1: ballot styles. Absent, every credential votes in every contest. Each category (a
   * value the roll carries: a region, a section) names the contests its members vote in, in
   * manifest order; `minCategorySize` is the fewest credentials a category may hold (§13.3).
   */
  styles: z
    .strictObject({
      minCategorySize: z.number().int().min(1).max(1_000_000),
      categories: z
        .array(z.strictObject({ id: id(32), name: text, contests: z.array(id(64)).min(1).max(20) }))
        .min(1)
        .max(100),
    })
    .optional(),
  /**
   * Spec §13.4: per-credential weights, each 1 … `max`, published with the credential. Absent,
   * every credential weighs 1.
   */
  weights: z.strictObject({ max: z.number().int().min(1).max(1_000_000) }).optional(),
  /**
   * Spec §13.5: electoral colleges. Each combines the results of two or more contests with the
   * same candidates (one per college) by the published shares.
   */
  colleges: z
    .array(
      z.strictObject({
        id: id(64),
        title: text,
        parts: z
          .array(z.strictObject({ contest: id(64), share: z.number().int().min(1).max(1_000_000) }))
          .min(2)
          .max(10),
      })
    )
    .min(1)
    .max(10)
    .optional(),
  /**
   * Spec §9.2.10, §11.5: the mix servers that shuffle every ranked contest, in cascade order
   * (mixer m is `members[m − 1]`), each with the §5.4 key that signs its `mix` events. Required
   * exactly when a contest is ranked; at least two, so one honest server keeps the secret.
   */
  mixers: z
    .strictObject({
      members: z
        .array(z.strictObject({ name: text, publicKey: hexBytes(32) }))
        .min(2)
        .max(10),
    })
    .optional(),
  /**
   * Spec §9.2.9, §10.7: the booth digest (§10.7.1) of the web app the board serves, and of each
   * independent mirror that serves the same booth against this board. Absent, the election names
   * no booth. Their form is check V1.10's (`boothFieldProblems`), not a decoding error, so a
   * record with a malformed digest still decodes and fails at that check.
   */
  booth: z
    .strictObject({
      digest: z.string().max(200),
      mirrors: z
        .array(z.strictObject({ origin: z.string().max(200), digest: z.string().max(200) }))
        .max(10)
        .optional(),
    })
    .optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Contest = Manifest['contests'][number];
export type BallotPolicy = Manifest['policy'];

/**
 * Spec §9.2.1: true for a contest counted from rankings (§11, §12), not homomorphically — the one
 * test, for a manifest's contest or anything carrying its `method`; narrows `method` to defined.
 */
export function isRankedContest<C extends { readonly method?: string | undefined }>(
  contest: C
): contest is C & { readonly method: NonNullable<C['method']> } {
  return contest.method !== undefined;
}

/** The invariants a schema cannot state (spec §9.2.1–§9.2.6), each with its own code. */
function manifestInvariantError(m: Manifest): RecordError | null {
  const contestIds = new Set<string>();
  for (const [c, contest] of m.contests.entries()) {
    const path = `/contests/${c}`;
    if (contestIds.has(contest.id))
      return recordError('record/duplicate-contest-id', `contest id ${contest.id} repeats`, path);
    contestIds.add(contest.id);
    const candidateIds = new Set(contest.candidates.map((x) => x.id));
    if (candidateIds.size !== contest.candidates.length) {
      return recordError(
        'record/duplicate-candidate-id',
        `a candidate id repeats in ${contest.id}`,
        path
      );
    }
    const ranked = rankedContestError(contest, path);
    if (ranked !== null) return ranked;
    // With at most 50 candidates, max − min ≤ 50 stays within a range proof's 100 (spec §5.3).
    if (
      contest.minSelections > contest.maxSelections ||
      contest.maxSelections > contest.candidates.length
    ) {
      return recordError(
        'record/invalid-selection-limits',
        `need 0 ≤ min ≤ max ≤ ${contest.candidates.length} in ${contest.id}`,
        path
      );
    }
  }
  if (m.window.opens >= m.window.closes) {
    return recordError('record/invalid-window', 'the window must open before it closes', '/window');
  }
  if (!m.channels.online && !m.channels.postal) {
    return recordError('record/no-channel', 'at least one channel must be enabled', '/channels');
  }
  const { threshold, members } = m.trustees;
  if (threshold > members.length) {
    return recordError(
      'record/invalid-threshold',
      `threshold ${threshold} exceeds ${members.length} trustees`,
      '/trustees'
    );
  }
  if (members.some((t, i) => t.index !== i + 1)) {
    return recordError(
      'record/invalid-trustee-index',
      'trustee indices must be 1…n in order',
      '/trustees/members'
    );
  }
  if (new Set(members.map((t) => t.publicKey)).size !== members.length) {
    return recordError(
      'record/duplicate-trustee-key',
      'two trustees share a public key',
      '/trustees/members'
    );
  }
  if (new Set(m.securityQuestions.map((q) => q.id)).size !== m.securityQuestions.length) {
    return recordError(
      'record/duplicate-question-id',
      'a security question id repeats',
      '/securityQuestions'
    );
  }
  const witnesses = m.witnesses;
  if (witnesses !== undefined) {
    if (witnesses.quorum > witnesses.members.length)
      return recordError(
        'record/invalid-witness-quorum',
        `quorum ${witnesses.quorum} exceeds ${witnesses.members.length} witnesses`,
        '/witnesses'
      );
    const keys = new Set(witnesses.members.map((w) => w.publicKey));
    if (keys.size !== witnesses.members.length || keys.has(m.board.publicKey))
      return recordError(
        'record/duplicate-witness-key',
        'two witnesses share a key, or a witness holds the board key',
        '/witnesses/members'
      );
  }
  return mixersInvariantError(m) ?? stylesInvariantError(m) ?? collegesInvariantError(m);
}

/**
 * Spec §9.2.1, §12.1: a ranked contest's rule set and places fit its method, and its selection
 * limits are 0 … n (a voter ranks any number; the ballot proof of §11.2 admits every truncation,
 * so no other limit could be enforced). A homomorphic contest names no rules or seats.
 */
function rankedContestError(contest: Contest, path: string): RecordError | null {
  const n = contest.candidates.length;
  if (!isRankedContest(contest))
    return contest.rules === undefined && contest.seats === undefined
      ? null
      : recordError(
          'record/invalid-ranked-contest',
          `${contest.id}: rules or seats without a ranked method`,
          path
        );
  const rulesFit =
    contest.method === 'irv'
      ? (contest.rules ?? 'irv') === 'irv' && (contest.seats ?? 1) === 1
      : contest.rules !== undefined &&
        contest.rules !== 'irv' &&
        contest.seats !== undefined &&
        contest.seats < n;
  if (!rulesFit)
    return recordError(
      'record/invalid-ranked-contest',
      `${contest.id}: irv takes rules "irv" (or none) and 1 seat; stv takes rules "ers97" or "meek" and 1 … ${n - 1} seats`,
      path
    );
  if (contest.minSelections !== 0 || contest.maxSelections !== n)
    return recordError(
      'record/invalid-ranked-contest',
      `${contest.id}: a ranked contest has minSelections 0 and maxSelections ${n} (any number may be ranked)`,
      path
    );
  return null;
}

/** Spec §9.2.10: mix servers are named exactly when a contest is ranked, with distinct keys. */
function mixersInvariantError(m: Manifest): RecordError | null {
  const ranked = m.contests.some(isRankedContest);
  if (ranked !== (m.mixers !== undefined))
    return recordError(
      'record/invalid-mixers',
      ranked ? 'a ranked contest needs mix servers' : 'mix servers without a ranked contest',
      '/mixers'
    );
  if (
    m.mixers !== undefined &&
    new Set(m.mixers.members.map((x) => x.publicKey)).size !== m.mixers.members.length
  )
    return recordError('record/invalid-mixers', 'two mix servers share a key', '/mixers/members');
  return null;
}

/** Spec §13.1: categories are distinct, name existing contests in manifest order, and cover every contest. */
function stylesInvariantError(m: Manifest): RecordError | null {
  if (m.styles === undefined) return null;
  const order = new Map(m.contests.map((c, i) => [c.id, i]));
  const seen = new Set<string>();
  const covered = new Set<string>();
  for (const [k, category] of m.styles.categories.entries()) {
    const path = `/styles/categories/${k}`;
    if (seen.has(category.id))
      return recordError('record/duplicate-category-id', `category ${category.id} repeats`, path);
    seen.add(category.id);
    let last = -1;
    for (const contest of category.contests) {
      const at = order.get(contest);
      if (at === undefined || at <= last)
        return recordError(
          'record/invalid-style',
          `category ${category.id}: contests must be distinct manifest contests in manifest order`,
          path
        );
      last = at;
      covered.add(contest);
    }
  }
  const orphan = m.contests.find((c) => !covered.has(c.id));
  return orphan === undefined
    ? null
    : recordError('record/invalid-style', `no category votes in ${orphan.id}`, '/styles');
}

/**
 * Spec §13.5: a college's parts are distinct contests with the same candidates and selection
 * limits, and a contest is in one college at most.
 */
function collegesInvariantError(m: Manifest): RecordError | null {
  if (m.colleges === undefined) return null;
  const byId = new Map(m.contests.map((c) => [c.id, c]));
  const used = new Set<string>();
  const ids = new Set<string>();
  for (const [k, college] of m.colleges.entries()) {
    const path = `/colleges/${k}`;
    if (ids.has(college.id) || byId.has(college.id))
      return recordError('record/invalid-college', `college id ${college.id} repeats`, path);
    ids.add(college.id);
    const first = byId.get(college.parts[0]?.contest ?? '');
    for (const part of college.parts) {
      const contest = byId.get(part.contest);
      // A college adds counts (§13.5); a ranked contest has none to add.
      if (
        contest === undefined ||
        first === undefined ||
        used.has(part.contest) ||
        isRankedContest(contest)
      )
        return recordError(
          'record/invalid-college',
          `college ${college.id}: ${part.contest} is not a homomorphic contest, or is in two colleges`,
          path
        );
      used.add(part.contest);
      const same =
        contest.minSelections === first.minSelections &&
        contest.maxSelections === first.maxSelections &&
        contest.candidates.length === first.candidates.length &&
        contest.candidates.every((c, j) => c.id === first.candidates[j]?.id);
      if (!same)
        return recordError(
          'record/invalid-college',
          `college ${college.id}: ${part.contest} differs from ${first.id} in candidates or limits`,
          path
        );
    }
  }
  return null;
}

/** Spec §9.2: parses an untrusted value into a {@link Manifest}. */
export function parseManifest(value: unknown): Result<Manifest, RecordError> {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return err(recordErrorFromZod(parsed.error, 'record/invalid-manifest'));
  const invariant = manifestInvariantError(parsed.data);
  return invariant === null ? ok(parsed.data) : err(invariant);
}
