/**
 * @module The declaration of a result (spec §9.9): what a returning officer reads out, derived
 * from the published record alone — per contest the votes, their share of the papers counted and
 * who is elected; the electorate; turnout by channel; spoilt postal papers and refused attempts.
 * It adds no fact of its own: every number is a sum of counts on the board, so anyone holding the
 * record derives the same declaration. It says nothing about whether the record verifies; callers
 * show it as verified only after the verifier has passed the record.
 */
import type { EventBody } from './board-event.ts';
import type { Manifest } from './manifest.ts';
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
}

/** The events a declaration is derived from (any others are ignored). */
export type DeclarationEvent =
  | { readonly type: 'election-open'; readonly body: EventBody<'election-open'> }
  | { readonly type: 'encrypted-tally'; readonly body: EventBody<'encrypted-tally'> }
  | { readonly type: 'postal-batch'; readonly body: EventBody<'postal-batch'> }
  | { readonly type: 'cast-refused'; readonly body: EventBody<'cast-refused'> }
  | { readonly type: 'election-result'; readonly body: EventBody<'election-result'> }
  | { readonly type: string; readonly body: unknown };

const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

function declareContest(
  contest: Manifest['contests'][number],
  counts: EventBody<'election-result'>['contests'][number] | undefined,
  papers: number
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
      percent: percentOf(row.total, papers),
      elected: elected.has(row.id),
    })),
    tiedForLastSeat: tied,
  };
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
  let online = 0;
  let result: EventBody<'election-result'> | null = null;
  // The postal batches, and the audit's hand counts that replace them after a full hand count.
  const postalCount = new PostalAuditReplay(manifest.contests);
  const byReason = {
    'already-voted-online': 0,
    'already-voted-by-post': 0,
    'credential-revoked': 0,
  };
  for (const event of events) {
    if (event.type === 'election-open')
      electorate = (event.body as EventBody<'election-open'>).credentialCount;
    else if (event.type === 'encrypted-tally')
      online = (event.body as EventBody<'encrypted-tally'>).ballots;
    else if (AUDIT_EVENT_TYPES.has(event.type)) postalCount.observe(event as AuditEvent, '');
    else if (event.type === 'cast-refused')
      byReason[(event.body as EventBody<'cast-refused'>).reason] += 1;
    else if (event.type === 'election-result') result = event.body as EventBody<'election-result'>;
  }
  if (result === null) return null;
  const { papers: postal, spoilt } = postalCount.postalPapers();
  const counted = online + postal - spoilt;
  const total = online + postal;
  const tallied = result;
  return {
    electionId: manifest.electionId,
    title: manifest.title,
    organisation: manifest.organisation,
    electorate,
    turnout: { online, postal, total, percent: percentOf(total, electorate) },
    spoilt,
    rejected: { total: Object.values(byReason).reduce((a, b) => a + b, 0), byReason },
    contests: manifest.contests.map((contest, c) =>
      declareContest(contest, tallied.contests[c], counted)
    ),
  };
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
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
