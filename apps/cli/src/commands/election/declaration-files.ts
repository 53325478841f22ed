/**
 * @module The declaration's files (spec §9.9), written by `election publish` and the demo only
 * once the record verifies: result.json (the declaration, with `verified`), result.csv,
 * result.svg (the chart, with a title and a description that repeat its numbers) and
 * declaration.html, a printable declaration (A4 print stylesheet, the chart with a table beside
 * it) for the returning officer to sign and post up.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { rankedContestHtml, rankedContestText } from './ranked-declaration.ts';
import { rankedSheetsOf, writeRankedSheets } from './ranked-sheets.ts';
import { join } from 'node:path';
import { type Declaration, declarationCsv, declareResult } from '@scrutineer/record';
import type { VerificationReport } from '@scrutineer/verifier';
import {
  type ResultContest,
  readRecordEvents,
  resultSvg,
  verifyRecordDirectory,
} from './publish-record.ts';

export interface DeclarationPaths {
  readonly json: string;
  readonly csv: string;
  readonly svg: string;
  readonly html: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The declaration's contests as the chart's rows. */
export function chartContests(declaration: Declaration): ResultContest[] {
  // A pending ranked contest has no rows yet: no chart of zeros for it.
  const charted = declaration.contests.filter((contest) => contest.ranked?.sheet !== null);
  return charted.map((contest) => ({
    id: contest.id,
    title: contest.title,
    candidates: contest.candidates.map(({ name, online, postal, total }) => ({
      name,
      online,
      postal,
      total,
    })),
  }));
}

/** The declaration as plain text for the terminal. */
export function formatDeclaration(declaration: Declaration): string {
  const lines: string[] = [];
  for (const contest of declaration.contests) {
    const width = Math.max(16, ...contest.candidates.map((r) => r.name.length));
    lines.push(
      `${contest.title} (${contest.seats} seat${contest.seats === 1 ? '' : 's'}, ${contest.papers} papers counted)`
    );
    if (contest.ranked !== undefined) {
      lines.push(...rankedContestText(contest));
      continue;
    }
    const own = contestTurnoutText(contest);
    if (own !== '') lines.push(`  ${own}`);
    lines.push(
      `  ${'candidate'.padEnd(width)} ${'online'.padStart(7)} ${'postal'.padStart(7)} ${'total'.padStart(7)} ${'%'.padStart(6)}`
    );
    // A bar per candidate, scaled to the contest's highest total: the chart, in the terminal.
    const most = Math.max(1, ...contest.candidates.map((row) => row.total));
    for (const row of contest.candidates)
      lines.push(
        `  ${row.name.padEnd(width)} ${String(row.online).padStart(7)} ${String(row.postal).padStart(7)} ${String(row.total).padStart(7)} ${row.percent.toFixed(1).padStart(6)} ${'█'.repeat(Math.round((row.total / most) * 20)).padEnd(20)}${row.elected ? ' ELECTED' : contest.tiedForLastSeat.includes(row.id) ? ' TIED' : ''}`
      );
  }
  for (const college of declaration.colleges ?? []) {
    const shares = college.parts.map((part) => `${part.contest} ${part.share}`).join(' : ');
    lines.push(`${college.title} (electoral college, shares ${shares})`);
    for (const row of college.candidates)
      lines.push(
        `  ${row.name.padEnd(16)} ${row.percent.toFixed(2).padStart(7)}% (${row.numerator}/${row.denominator})${row.leader ? (college.leaders.length > 1 ? ' TIED' : ' LEADS') : ''}`
      );
  }
  const { turnout } = declaration;
  lines.push(
    `Electorate ${declaration.electorate}; voted ${turnout.total} (${turnout.percent.toFixed(1)}%): ${turnout.online} online, ${turnout.postal} by post; ${declaration.spoilt} spoilt postal papers; ${declaration.rejected.total} attempts refused`
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Spec §9.9 with §13.6: the contest's own electorate and turnout (weighted beside them), or ''
 * for an election without styles or weights (its one electorate is in the turnout table).
 */
export function contestTurnoutText(contest: Declaration['contests'][number]): string {
  const { turnout, weighted } = contest;
  if (turnout === undefined || contest.electorate === undefined) return '';
  const text = `Electorate ${contest.electorate}; voted ${turnout.total} (${turnout.percent.toFixed(1)}%): ${turnout.online} online, ${turnout.postal} by post`;
  return weighted === undefined
    ? `${text}.`
    : `${text}. Weighted: electorate ${weighted.electorate}, voted ${weighted.turnout} (${weighted.percent.toFixed(1)}%).`;
}

function collegeHtml(college: NonNullable<Declaration['colleges']>[number]): string {
  const rows = college.candidates
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.name)}</th><td>${row.percent.toFixed(2)}</td><td>${row.numerator}/${row.denominator}</td><td>${row.leader ? (college.leaders.length > 1 ? 'Tied' : 'Leads') : ''}</td></tr>`
    )
    .join('\n');
  const shares = college.parts
    .map((part) => `${escapeHtml(part.contest)}: ${part.share}`)
    .join('; ');
  return `<section><h2>${escapeHtml(college.title)}</h2>
<p>Electoral college: the parts’ results combined by the published shares (${shares}).</p>
<table><caption>Combined result of ${escapeHtml(college.title)}</caption>
<thead><tr><th scope="col">Candidate</th><th scope="col">Combined %</th><th scope="col">Exact score</th><th scope="col">Outcome</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function contestHtml(contest: Declaration['contests'][number]): string {
  if (contest.ranked !== undefined) return rankedContestHtml(contest);
  const rows = contest.candidates
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.name)}</th><td>${row.online}</td><td>${row.postal}</td><td>${row.total}</td><td>${row.percent.toFixed(1)}</td><td>${row.elected ? 'Elected' : contest.tiedForLastSeat.includes(row.id) ? 'Tied' : ''}</td></tr>`
    )
    .join('\n');
  return `<section><h2>${escapeHtml(contest.title)}</h2>
<p>${contest.seats} seat${contest.seats === 1 ? '' : 's'}; ${contest.papers} papers counted.</p>${
    contestTurnoutText(contest) === '' ? '' : `\n<p>${escapeHtml(contestTurnoutText(contest))}</p>`
  }
<table><caption>Votes for each candidate in ${escapeHtml(contest.title)}</caption>
<thead><tr><th scope="col">Candidate</th><th scope="col">Online</th><th scope="col">By post</th><th scope="col">Total</th><th scope="col">% of papers</th><th scope="col">Outcome</th></tr></thead>
<tbody>${rows}</tbody></table>${
    contest.tiedForLastSeat.length > 0
      ? '\n<p><strong>A tie for the last seat: the party’s rules decide between the tied candidates.</strong></p>'
      : ''
  }</section>`;
}

/** A printable declaration: plain HTML, no script, an A4 print stylesheet. */
export function declarationHtml(declaration: Declaration, chart: string): string {
  const { turnout, rejected } = declaration;
  const elected = declaration.contests
    .flatMap((contest) =>
      contest.candidates
        .filter((row) => row.elected)
        .map((row) => `<li>${escapeHtml(row.name)} — ${escapeHtml(contest.title)}</li>`)
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Declaration of the result — ${escapeHtml(declaration.title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #0b0c0c; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #505a5f; padding: 0.3rem 0.5rem; text-align: left; }
td { text-align: right; }
caption { text-align: left; font-weight: bold; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
.signature { margin-top: 3rem; display: flex; gap: 3rem; } .signature p { border-top: 1px solid #0b0c0c; padding-top: 0.3rem; min-width: 14rem; }
@media print { @page { size: A4; margin: 18mm; } body { margin: 0; max-width: none; } section, figure, table { break-inside: avoid; } }
</style></head>
<body><main>
<h1>Declaration of the result</h1>
<p>${escapeHtml(declaration.organisation)}: ${escapeHtml(declaration.title)} (election <code>${escapeHtml(declaration.electionId)}</code>).</p>
<p>The record of this election was checked by the independent verifier, and every check passed.</p>
<h2>Elected</h2>
<ul>${elected === '' ? '<li>No candidate is declared elected.</li>' : elected}</ul>
${declaration.contests.map(contestHtml).join('\n')}${(declaration.colleges ?? []).map((college) => `\n${collegeHtml(college)}`).join('')}
<section><h2>Turnout</h2>
<table><caption>Who voted, and papers not counted</caption><tbody>
<tr><th scope="row">Members entitled to vote</th><td>${declaration.electorate}</td></tr>
<tr><th scope="row">Voted online</th><td>${turnout.online}</td></tr>
<tr><th scope="row">Voted by post</th><td>${turnout.postal}</td></tr>
<tr><th scope="row">Total votes (turnout)</th><td>${turnout.total} (${turnout.percent.toFixed(1)}%)</td></tr>
<tr><th scope="row">Spoilt postal papers</th><td>${declaration.spoilt}</td></tr>
<tr><th scope="row">Second votes refused (already voted online)</th><td>${rejected.byReason['already-voted-online']}</td></tr>
<tr><th scope="row">Second votes refused (already voted by post)</th><td>${rejected.byReason['already-voted-by-post']}</td></tr>
<tr><th scope="row">Votes refused from replaced packs</th><td>${rejected.byReason['credential-revoked']}</td></tr>
</tbody></table></section>
<figure><figcaption>The totals as a chart (the tables above give the same numbers).</figcaption>
${chart.replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ')}</figure>
<div class="signature"><p>Returning officer</p><p>Date</p></div>
</main></body></html>
`;
}

/** Writes result.json, result.csv, result.svg and declaration.html into `directory`. */
export function writeDeclarationFiles(
  directory: string,
  declaration: Declaration,
  extra: Readonly<Record<string, unknown>> = {}
): DeclarationPaths {
  const paths = {
    json: join(directory, 'result.json'),
    csv: join(directory, 'result.csv'),
    svg: join(directory, 'result.svg'),
    html: join(directory, 'declaration.html'),
  };
  const chart = resultSvg(declaration.title, chartContests(declaration));
  writeFileSync(
    paths.json,
    `${JSON.stringify({ verified: true, ...declaration, ...extra }, null, 2)}\n`
  );
  writeFileSync(paths.csv, declarationCsv(declaration));
  writeFileSync(paths.svg, chart);
  writeFileSync(paths.html, declarationHtml(declaration, chart));
  return paths;
}

export interface VerifiedDeclaration {
  readonly report: VerificationReport;
  /** Null when the record does not verify, or holds no result yet. */
  readonly declaration: Declaration | null;
  readonly paths: DeclarationPaths | null;
}

/**
 * Verifies the record bundle in `recordDir` and, only if it verifies and holds a result, writes
 * the declaration's files into `out` (the manifest is the record's own, position 0). Result files
 * from an earlier run are removed first, so none sits beside a record that no longer verifies.
 */
export async function declareVerifiedRecord(
  recordDir: string,
  out: string,
  onProgress?: (events: number, ballotsVerified: number) => void
): Promise<VerifiedDeclaration> {
  for (const name of ['result.json', 'result.csv', 'result.svg', 'declaration.html'])
    rmSync(join(out, name), { force: true });
  const report = await verifyRecordDirectory(recordDir, onProgress);
  if (!report.ok) return { report, declaration: null, paths: null };
  const events = readRecordEvents(recordDir);
  const setup = events[0];
  if (setup?.type !== 'election-setup') throw new Error('the record does not start with its setup');
  // Spec §9.5: the setup event's body is the manifest (checked by the verifier just now).
  const declaration = declareResult(setup.body, events);
  // Spec §12.7: the ranked contests' stage-by-stage sheets beside the declaration.
  writeRankedSheets(out, setup.body, rankedSheetsOf(setup.body, events));
  return {
    report,
    declaration,
    paths: declaration === null ? null : writeDeclarationFiles(out, declaration),
  };
}
