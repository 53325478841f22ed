/**
 * @module The readable result sheet (spec §12.7): a Markdown table in the shape of an ERS result
 * sheet — one row per candidate, one column per stage, each cell the change at that stage and the
 * vote after it — then the quota, the non-transferable vote, and who was elected.
 */
import type { ResultSheet, Stage, StageAction } from './types.ts';

export function renderSheet(sheet: ResultSheet, names?: readonly string[]): string {
  const name = (c: number) => names?.[c] ?? `Candidate ${c + 1}`;
  const title =
    sheet.method === 'irv'
      ? 'Alternative vote (IRV)'
      : sheet.rules === 'ers97'
        ? 'STV, ERS97 rules'
        : 'STV, Meek rules';
  const lines: string[] = [
    `## ${title}: ${sheet.seats} to elect`,
    '',
    `Valid ballots: ${sheet.ballots}; blank: ${sheet.blank}. Quota at the first stage: ${sheet.stages[0]?.quota ?? '-'}.`,
    '',
  ];
  const header = [
    'Candidate',
    ...sheet.stages.map((s) => `${s.stage}. ${describe(s.action, name)}`),
  ];
  lines.push(row(header), row(header.map(() => '---')));
  const cell = (s: Stage, i: number, value: (x: Stage) => string): string => {
    const before = i === 0 ? null : (sheet.stages[i - 1] as Stage);
    const now = value(s);
    if (before === null) return now;
    const change = subtract(now, value(before));
    return change === null ? now : `${change} → ${now}`;
  };
  for (let c = 0; c < sheet.candidates; c++) {
    const cells = sheet.stages.map((s, i) => {
      const text = cell(s, i, (x) => x.votes[c] ?? '');
      const mark = s.elected.includes(c)
        ? ' **elected**'
        : s.excluded.includes(c)
          ? ' _excluded_'
          : '';
      return text + mark;
    });
    lines.push(row([name(c), ...cells]));
  }
  lines.push(
    row(['Non-transferable', ...sheet.stages.map((s, i) => cell(s, i, (x) => x.nonTransferable))])
  );
  lines.push(
    row([sheet.method === 'irv' ? 'Majority' : 'Quota', ...sheet.stages.map((s) => s.quota)])
  );
  lines.push('', `Elected: ${sheet.elected.map(name).join(', ') || 'nobody'}.`);
  for (const s of sheet.stages)
    for (const t of s.ties)
      lines.push(
        `Stage ${s.stage}: tie to ${t.for} among ${t.among.map(name).join(', ')}, broken by ${t.by === 'lot' ? 'lot' : 'the earlier stages'}: ${t.chosen.map(name).join(', ')}.`
      );
  return `${lines.join('\n')}\n`;
}

function describe(action: StageAction, name: (c: number) => string): string {
  switch (action.type) {
    case 'first':
      return 'First preferences';
    case 'surplus':
      return `Surplus of ${name(action.candidate)}`;
    case 'surpluses':
      return 'Surpluses';
    case 'exclude':
      return `Exclusion of ${action.candidates.map(name).join(', ')}${action.batch ? ` (papers at ${action.batch})` : ''}`;
  }
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** now − before for two decimal strings of the same precision; null when they are equal. */
function subtract(now: string, before: string): string | null {
  const places = now.includes('.') ? now.length - now.indexOf('.') - 1 : 0;
  const units = (s: string) => BigInt(s.replace('.', ''));
  const d = units(now) - units(before);
  if (d === 0n) return null;
  const abs = (d < 0n ? -d : d).toString().padStart(places + 1, '0');
  const text =
    places === 0 ? abs : `${abs.slice(0, abs.length - places)}.${abs.slice(abs.length - places)}`;
  return `${d < 0n ? '−' : '+'}${text}`;
}
