/**
 * @module A ranked contest in the declaration's text and HTML (spec §9.9, §12.7): its first
 * preferences and who the count elected, then the count stage by stage; or, before the ranked
 * count, that it is pending. Never the contest's homomorphic counts, which are empty.
 */
import type { Declaration } from '@scrutineer/record';

type Contest = Declaration['contests'][number];

const escapeHtml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const methodName = (contest: Contest): string =>
  contest.ranked?.method === 'irv'
    ? 'Alternative vote (instant run-off)'
    : `Single transferable vote (${contest.ranked?.rules === 'meek' ? 'Meek' : 'ERS97'} rules)`;

/** The contest as lines of terminal text (no leading title). */
export function rankedContestText(contest: Contest): string[] {
  const sheet = contest.ranked?.sheet ?? null;
  if (sheet === null) return [`  ${methodName(contest)}: the ranked count is pending.`];
  const width = Math.max(16, ...contest.candidates.map((r) => r.name.length));
  return [
    `  ${methodName(contest)}: ${sheet.ballots} ballots (${sheet.blank} blank), ${sheet.stages.length} stages; the sheet is in ranked-result.md`,
    `  ${'candidate'.padEnd(width)} ${'1st pref'.padStart(8)} ${'%'.padStart(6)}`,
    ...contest.candidates.map(
      (row) =>
        `  ${row.name.padEnd(width)} ${String(row.total).padStart(8)} ${row.percent.toFixed(1).padStart(6)}${row.elected ? ' ELECTED' : ''}`
    ),
  ];
}

/** The contest's section of declaration.html: first preferences, then the stages. */
export function rankedContestHtml(contest: Contest): string {
  const sheet = contest.ranked?.sheet ?? null;
  const head = `<section><h2>${escapeHtml(contest.title)}</h2>
<p>${methodName(contest)}; ${contest.seats} seat${contest.seats === 1 ? '' : 's'}.</p>`;
  if (sheet === null) return `${head}\n<p>The ranked count is pending.</p></section>`;
  const first = contest.candidates
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.name)}</th><td>${row.total}</td><td>${row.percent.toFixed(1)}</td><td>${row.elected ? 'Elected' : ''}</td></tr>`
    )
    .join('\n');
  const stageHeads = sheet.stages.map((s) => `<th scope="col">Stage ${s.stage}</th>`).join('');
  const stageRows = contest.candidates
    .map(
      (row, j) =>
        `<tr><th scope="row">${escapeHtml(row.name)}</th>${sheet.stages.map((s) => `<td>${s.votes[j] ?? ''}</td>`).join('')}</tr>`
    )
    .join('\n');
  const lastRow = `<tr><th scope="row">Non-transferable</th>${sheet.stages.map((s) => `<td>${s.nonTransferable}</td>`).join('')}</tr>`;
  return `${head}
<p>${sheet.ballots} ballots counted, ${sheet.blank} of them blank. The full result sheet is in <a href="ranked-result.md">ranked-result.md</a> (<a href="ranked-result.json">JSON</a>).</p>
<table><caption>First preferences in ${escapeHtml(contest.title)}</caption>
<thead><tr><th scope="col">Candidate</th><th scope="col">First preferences</th><th scope="col">% of ballots not blank</th><th scope="col">Outcome</th></tr></thead>
<tbody>${first}</tbody></table>
<table><caption>The count stage by stage in ${escapeHtml(contest.title)} (quota ${sheet.stages[0]?.quota ?? ''})</caption>
<thead><tr><th scope="col">Candidate</th>${stageHeads}</tr></thead>
<tbody>${stageRows}
${lastRow}</tbody></table></section>`;
}
