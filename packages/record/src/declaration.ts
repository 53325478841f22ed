/**
 * @module The declaration of a result (spec §9.9): what a returning officer reads out, derived
 * from the published record alone — per contest the votes, their share of the papers counted and
 * who is elected; the electorate; turnout by channel; spoilt postal papers and refused attempts.
 * It adds no fact of its own: every number is a sum of counts on the board, so anyone holding the
 * record derives the same declaration. It says nothing about whether the record verifies; callers
 * show it as verified only after the verifier has passed the record.
 */
import { contestsOfTerms, credentialTerms } from './ballot-styles.ts';
import type { EventBody } from './board-event.ts';
import { collegeResults } from './colleges.ts';
import { postalPapersPerContest } from './postal-styles.ts';
import { weightedPostalCounts } from './postal-weights.ts';
import { type Manifest, isRankedContest } from './manifest.ts';
import type { RankedResultBody, RankedSheet } from './ranked-result.ts';
import {
  AUDIT_EVENT_TYPES,
  type AuditEvent,
  PostalAuditReplay,
} from './postal-audit/audit-replay.ts';

export interface DeclaredCandidate {
  readonly id: string;
  readonly name: string;
  readonly online: number;
  readonly postal: number;
  readonly total: number;
  /** total ÷ the contest's papers counted, in percent (one decimal place), 0 when none. */
  readonly percent: number;
  readonly elected: boolean;
}

export interface DeclaredContest {
  readonly id: string;
  readonly title: string;
  /** Seats filled: the contest's `maxSelections` (a voter marks as many as there are seats). */
  readonly seats: number;
  /** Papers counted: online ballots counted plus postal papers not spoilt. */
  readonly papers: number;
  readonly candidates: readonly DeclaredCandidate[];
  /**
   * Candidates tied for the last seat(s), when more tie than there are seats left: none of them
   * is marked elected, and the party's rules decide (lot, a run-off).
   */
  readonly tiedForLastSeat: readonly string[];
  /**
   * Spec §9.9, §13.6: the contest's own electorate (credentials listed at the open whose ballot
   * style includes it) and turnout (counted online ballots that include it, plus the postal papers
   * of the batches whose style includes it, §13.2.1).
   * Present only when the manifest has `styles` or `weights`.
   */
  readonly electorate?: number | undefined;
  readonly turnout?: ContestTurnout | undefined;
  /** With `weights` only: the same figures weighted (a postal paper weighs its batch's weight). */
  readonly weighted?: ContestWeights | undefined;
  /**
   * Spec §9.9, §12.7: present exactly for a ranked contest, whose homomorphic counts are empty.
   * Its candidates' `online` and `total` are then first preferences (the sheet's first stage;
   * postal papers are not yet keyed into a ranked count), `percent` is of the ballots not blank,
   * and `elected` is the sheet's. `sheet` is null while the ranked count is pending, and
   * `candidates` is then empty, so no surface shows a count that has not happened.
   */
  readonly ranked?: DeclaredRanked | undefined;
}

export interface DeclaredRanked {
  readonly method: RankedResultBody['method'];
  readonly rules: RankedResultBody['rules'];
  /** The published stage-by-stage result sheet (the `ranked-result` event's), or null. */
  readonly sheet: RankedSheet | null;
}

export interface ContestTurnout {
  readonly online: number;
  /** Postal papers of the batches whose style includes the contest (§13.2.1), spoilt included. */
  readonly postal: number;
  readonly total: number;
  /** total ÷ the contest's electorate in percent (one decimal place). */
  readonly percent: number;
}

export interface ContestWeights {
  /** Σ weight of the contest's electorate. */
  readonly electorate: number;
  /** Σ weight of its counted online ballots (the tally's `weight` of the contest) + postal. */
  readonly turnout: number;
  readonly percent: number;
  /** Weighted papers counted: the candidates' percent is of these. */
  readonly papers: number;
}

/** Spec §9.9, §13.5: an electoral college's combined result (colleges.ts's arithmetic). */
export interface DeclaredCollege {
  readonly id: string;
  readonly title: string;
  readonly parts: readonly { readonly contest: string; readonly share: number }[];
  readonly candidates: readonly {
    readonly id: string;
    readonly name: string;
    /** The exact score, a reduced fraction, as decimal strings (JSON has no big integers). */
    readonly numerator: string;
    readonly denominator: string;
    /** The score in percent, two decimal places, rounded half up (basis points ÷ 100). */
    readonly percent: number;
    readonly leader: boolean;
  }[];
  /** Candidate ids with the greatest exact score; more than one is a tie the rules break. */
  readonly leaders: readonly string[];
}

export interface Declaration {
  readonly electionId: string;
  readonly title: string;
  readonly organisation: string;
  /** Members entitled to vote: the credentials listed at the open. */
  readonly electorate: number;
  readonly turnout: {
    readonly online: number;
    /** Postal papers received in batches, spoilt included. */
    readonly postal: number;
    readonly total: number;
    /** total ÷ electorate in percent (one decimal place). */
    readonly percent: number;
  };
  /** Postal papers that could not be counted (spec §9.5 `postal-batch.spoilt`). */
  readonly spoilt: number;
  /** Attempts the board refused (`cast-refused`), by reason: a second vote or a revoked pack. */
  readonly rejected: {
    readonly total: number;
    readonly byReason: Readonly<Record<EventBody<'cast-refused'>['reason'], number>>;
  };
  readonly contests: readonly DeclaredContest[];
  /** Present only when the manifest has `colleges`. */
  readonly colleges?: readonly DeclaredCollege[] | undefined;
}

/** The events a declaration is derived from (any others are ignored). */
/**
 * The types of event a declaration reads (any others are ignored): a server that selects events
 * for `declareResult` selects these, so that no figure is computed from part of what it needs.
 */
export const DECLARATION_EVENT_TYPES: readonly string[] = [
  'credentials',
  'election-open',
  'encrypted-tally',
  'cast-refused',
  'election-result',
  'ranked-result',
  ...AUDIT_EVENT_TYPES,
];

export type DeclarationEvent =
  | { readonly type: 'credentials'; readonly body: EventBody<'credentials'> }
  | { readonly type: 'election-open'; readonly body: EventBody<'election-open'> }
  | { readonly type: 'encrypted-tally'; readonly body: EventBody<'encrypted-tally'> }
  | { readonly type: 'postal-batch'; readonly body: EventBody<'postal-batch'> }
  | { readonly type: 'cast-refused'; readonly body: EventBody<'cast-refused'> }
  | { readonly type: 'election-result'; readonly body: EventBody<'election-result'> }
  | { readonly type: 'ranked-result'; readonly body: EventBody<'ranked-result'> }
  | { readonly type: string; readonly body: unknown };

const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

function declareContest(
  contest: Manifest['contests'][number],
  counts: EventBody<'election-result'>['contests'][number] | undefined,
  papers: number,
  percentBase: number = papers
): DeclaredContest {
  const rows = contest.candidates.map((candidate, j) => {
    const option = counts?.options[j] ?? { online: 0, postal: 0, total: 0 };
    return { id: candidate.id, name: candidate.name, ...option };
  });
  const seats = contest.maxSelections;
  // The seats go to the highest totals; a tie across the last seat elects none of the tied.
  const ranked = [...rows].sort((a, b) => b.total - a.total);
  const cut = ranked[seats - 1]?.total;
  const elected = new Set<string>();
  let tied: string[] = [];
  if (cut !== undefined && cut > 0) {
    for (const row of ranked) if (row.total > cut) elected.add(row.id);
    const atCut = ranked.filter((row) => row.total === cut).map((row) => row.id);
    if (elected.size + atCut.length <= seats) for (const id of atCut) elected.add(id);
    else tied = atCut;
  } else for (const row of ranked) if (row.total > 0 && elected.size < seats) elected.add(row.id);
  return {
    id: contest.id,
    title: contest.title,
    seats,
    papers,
    candidates: rows.map((row) => ({
      ...row,
      percent: percentOf(row.total, percentBase),
      elected: elected.has(row.id),
    })),
    tiedForLastSeat: tied,
  };
}

/**
 * Spec §9.9, §12.7: a ranked contest by its ranked result — first preferences and those the count
 * elected — or, before the `ranked-result` event, pending with no rows.
 */
function declareRanked(
  contest: Manifest['contests'][number],
  method: RankedResultBody['method'],
  ranked: RankedResultBody | undefined,
  papers: number
): DeclaredContest {
  const base = { id: contest.id, title: contest.title, seats: contest.seats ?? 1 };
  const rules = contest.rules === 'ers97' || contest.rules === 'meek' ? contest.rules : null;
  if (ranked === undefined)
    return {
      ...base,
      papers,
      candidates: [],
      tiedForLastSeat: [],
      ranked: { method, rules, sheet: null },
    };
  const { sheet } = ranked;
  const first = sheet.stages[0]?.votes ?? [];
  const valid = sheet.ballots - sheet.blank;
  return {
    ...base,
    // The rankings counted (online only, §11): the ballots the sheet was counted from.
    papers: sheet.ballots,
    candidates: contest.candidates.map((candidate, j) => {
      // The first stage holds whole votes in every rule's precision ("12" or "12.00").
      const votes = Math.round(Number(first[j] ?? '0'));
      return {
        id: candidate.id,
        name: candidate.name,
        online: votes,
        postal: 0,
        total: votes,
        percent: percentOf(votes, valid),
        elected: sheet.elected.includes(j),
      };
    }),
    tiedForLastSeat: [],
    ranked: { method: ranked.method, rules: ranked.rules, sheet },
  };
}

/** Per contest (manifest order), the number and total weight of the credentials voting in it. */
type Electorates = { count: number; weight: number }[];

function addCredentials(
  manifest: Manifest,
  body: EventBody<'credentials'>,
  electorates: Electorates
): void {
  // A replacement inherits its credential's terms (§13.1), so the keys listed at the open fix them.
  for (const terms of credentialTerms(manifest, body).terms)
    for (const c of contestsOfTerms(manifest, terms) ?? []) {
      const e = electorates[c];
      if (e !== undefined) {
        e.count += 1;
        e.weight += terms.weight;
      }
    }
}

/**
 * The declaration of `manifest`'s election from its board events, or null before the
 * `election-result` event.
 */
export function declareResult(
  manifest: Manifest,
  events: Iterable<DeclarationEvent>
): Declaration | null {
  let electorate = 0;
  let open = false;
  let tally: EventBody<'encrypted-tally'> | null = null;
  let result: EventBody<'election-result'> | null = null;
  const rankedResults = new Map<string, EventBody<'ranked-result'>>();
  const electorates: Electorates = manifest.contests.map(() => ({ count: 0, weight: 0 }));
  // The postal batches, and the audit's hand counts that replace them after a full hand count.
  const postalCount = new PostalAuditReplay(manifest.contests);
  const byReason = {
    'already-voted-online': 0,
    'already-voted-by-post': 0,
    'credential-revoked': 0,
  };
  for (const event of events) {
    if (event.type === 'credentials' && !open)
      addCredentials(manifest, event.body as EventBody<'credentials'>, electorates);
    else if (event.type === 'election-open') {
      electorate = (event.body as EventBody<'election-open'>).credentialCount;
      open = true;
    } else if (event.type === 'encrypted-tally') tally = event.body as EventBody<'encrypted-tally'>;
    else if (AUDIT_EVENT_TYPES.has(event.type)) postalCount.observe(event as AuditEvent, '');
    else if (event.type === 'cast-refused')
      byReason[(event.body as EventBody<'cast-refused'>).reason] += 1;
    else if (event.type === 'election-result') result = event.body as EventBody<'election-result'>;
    else if (event.type === 'ranked-result') {
      const body = event.body as EventBody<'ranked-result'>;
      rankedResults.set(body.contestId, body);
    }
  }
  if (result === null) return null;
  const online = tally?.ballots ?? 0;
  const { papers: postal, spoilt } = postalCount.postalPapers();
  const counted = online + postal - spoilt;
  const total = online + postal;
  const tallied = result;
  const perContest = manifest.styles !== undefined || manifest.weights !== undefined;
  // Spec §13.2.1 step 4: a contest's postal papers are those of the batches of styles that have it.
  const postalOf = postalPapersPerContest(manifest, postalCount.countOfRecord());
  // Spec §13.2.1 step 6: weighted, a batch's papers count × its weight.
  const weightedPostalOf = postalPapersPerContest(
    manifest,
    postalCount.countOfRecord().map((body) => weightedPostalCounts(body))
  );
  const contests = manifest.contests.map((contest, c) => {
    if (isRankedContest(contest))
      return declareRanked(contest, contest.method, rankedResults.get(contest.id), counted);
    if (!perContest) return declareContest(contest, tallied.contests[c], counted);
    // Spec §9.9 with §13.6: the contest's own figures, from the tally's per-contest counts.
    const entry = tally?.contests[c];
    const ballots = entry?.ballots ?? online;
    const own = electorates[c] ?? { count: 0, weight: 0 };
    // Without styles every credential votes in every contest: the electorate is the open's count.
    const count = manifest.styles === undefined ? electorate : own.count;
    const contestPostal = postalOf[c] ?? { papers: 0, spoilt: 0 };
    const papers = ballots + contestPostal.papers - contestPostal.spoilt;
    const turnout = {
      online: ballots,
      postal: contestPostal.papers,
      total: ballots + contestPostal.papers,
    };
    if (manifest.weights === undefined)
      return {
        ...declareContest(contest, tallied.contests[c], papers),
        electorate: count,
        turnout: { ...turnout, percent: percentOf(turnout.total, count) },
      };
    // A postal paper weighs its batch's weight (§13.2.1 step 6).
    const weightedPostal = weightedPostalOf[c] ?? { papers: 0, spoilt: 0 };
    const weightedTurnout = (entry?.weight ?? 0) + weightedPostal.papers;
    const weighted = {
      electorate: own.weight,
      turnout: weightedTurnout,
      percent: percentOf(weightedTurnout, own.weight),
      papers: weightedTurnout - weightedPostal.spoilt,
    };
    return {
      ...declareContest(contest, tallied.contests[c], papers, weighted.papers),
      electorate: count,
      turnout: { ...turnout, percent: percentOf(turnout.total, count) },
      weighted,
    };
  });
  return {
    electionId: manifest.electionId,
    title: manifest.title,
    organisation: manifest.organisation,
    electorate,
    turnout: { online, postal, total, percent: percentOf(total, electorate) },
    spoilt,
    rejected: { total: Object.values(byReason).reduce((a, b) => a + b, 0), byReason },
    contests,
    ...(manifest.colleges === undefined ? {} : { colleges: declareColleges(manifest, tallied) }),
  };
}

/** Spec §13.5 on the result's totals, by `collegeResults` (the one implementation). */
function declareColleges(
  manifest: Manifest,
  result: EventBody<'election-result'>
): DeclaredCollege[] {
  const totals = manifest.contests.map((_, c) =>
    (result.contests[c]?.options ?? []).map((option) => option.total)
  );
  return collegeResults(manifest, totals).map((college) => {
    const spec = manifest.colleges?.find((k) => k.id === college.id);
    const first = manifest.contests.find((c) => c.id === spec?.parts[0]?.contest);
    return {
      id: college.id,
      title: college.title,
      parts: (spec?.parts ?? []).map(({ contest, share }) => ({ contest, share })),
      candidates: college.options.map((option) => ({
        id: option.candidate,
        name: first?.candidates.find((k) => k.id === option.candidate)?.name ?? option.candidate,
        numerator: option.numerator.toString(),
        denominator: option.denominator.toString(),
        percent: option.basisPoints / 100,
        leader: college.leaders.includes(option.candidate),
      })),
      leaders: college.leaders,
    };
  });
}

/** The declaration as CSV (RFC 4180): one row per candidate, then the turnout figures. */
export function declarationCsv(declaration: Declaration): string {
  const cell = (value: string | number): string => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines: (string | number)[][] = [
    ['contest', 'candidate_id', 'candidate', 'online', 'postal', 'total', 'percent', 'elected'],
  ];
  // A ranked contest's rows are first preferences (spec §12.7); pending, it has none.
  for (const contest of declaration.contests)
    for (const row of contest.candidates)
      lines.push([
        contest.id,
        row.id,
        row.name,
        row.online,
        row.postal,
        row.total,
        row.percent.toFixed(1),
        row.elected ? 'yes' : contest.tiedForLastSeat.includes(row.id) ? 'tied' : 'no',
      ]);
  lines.push([]);
  lines.push(['figure', 'value']);
  lines.push(['electorate', declaration.electorate]);
  lines.push(['voted_online', declaration.turnout.online]);
  lines.push(['voted_by_post', declaration.turnout.postal]);
  lines.push(['turnout_total', declaration.turnout.total]);
  lines.push(['turnout_percent', declaration.turnout.percent.toFixed(1)]);
  lines.push(['spoilt_postal_papers', declaration.spoilt]);
  for (const [reason, count] of Object.entries(declaration.rejected.byReason))
    lines.push([`rejected_${reason.replace(/-/g, '_')}`, count]);
  // Spec §9.9: with styles or weights, each contest's own electorate and turnout; with colleges,
  // each college's combined result. Absent otherwise, so the file is §9's exactly.
  if (declaration.contests.some((contest) => contest.turnout !== undefined)) {
    lines.push([]);
    lines.push([
      'contest',
      'electorate',
      'voted_online',
      'voted_by_post',
      'turnout_total',
      'turnout_percent',
      'weighted_electorate',
      'weighted_turnout',
      'weighted_turnout_percent',
    ]);
    for (const contest of declaration.contests) {
      const { turnout, weighted } = contest;
      if (turnout === undefined) continue;
      lines.push([
        contest.id,
        contest.electorate ?? '',
        turnout.online,
        turnout.postal,
        turnout.total,
        turnout.percent.toFixed(1),
        weighted?.electorate ?? '',
        weighted?.turnout ?? '',
        weighted?.percent.toFixed(1) ?? '',
      ]);
    }
  }
  // Spec §9.9, §12.7: each ranked contest's outcome; its stage-by-stage sheet is the
  // `ranked-result` event's (published beside this file as ranked-result.json and .md).
  const ranked = declaration.contests.filter((contest) => contest.ranked !== undefined);
  if (ranked.length > 0) {
    lines.push([]);
    lines.push(['contest', 'method', 'rules', 'count', 'ballots', 'blank', 'stages', 'elected']);
    for (const contest of ranked) {
      const sheet = contest.ranked?.sheet ?? null;
      const elected = contest.candidates.filter((row) => row.elected).map((row) => row.id);
      lines.push([
        contest.id,
        contest.ranked?.method ?? '',
        contest.ranked?.rules ?? '',
        sheet === null ? 'pending' : 'counted',
        sheet?.ballots ?? '',
        sheet?.blank ?? '',
        sheet?.stages.length ?? '',
        elected.join(' '),
      ]);
    }
  }
  if (declaration.colleges !== undefined) {
    lines.push([]);
    lines.push([
      'college',
      'candidate_id',
      'candidate',
      'numerator',
      'denominator',
      'percent',
      'leader',
    ]);
    for (const college of declaration.colleges)
      for (const row of college.candidates)
        lines.push([
          college.id,
          row.id,
          row.name,
          row.numerator,
          row.denominator,
          row.percent.toFixed(2),
          !row.leader ? 'no' : college.leaders.length > 1 ? 'tied' : 'yes',
        ]);
  }
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
