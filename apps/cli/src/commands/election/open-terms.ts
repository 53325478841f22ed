/**
 * @module What `election open` checks and says about ballot styles and weights (spec §13.1, §13.4):
 * the answers table must carry a style for every key exactly when the manifest has styles (and a
 * weight when it has weights) — else the packs were made for another manifest — and, once open,
 * the officer is told what the board now publishes: how many credentials each category holds and
 * their weights, never which member holds which.
 */
import type { Manifest } from '@scrutineer/record';
import type { AnswersFile } from '../packs/pack-files.ts';

/** Why this answers table cannot be loaded under `manifest`'s styles and weights, or null. */
export function answersTermsProblem(manifest: Manifest, answers: AnswersFile): string | null {
  const regenerate = 'make the packs again with `packs generate --election manifest.json`';
  const styled = answers.entries.filter((e) => e.style !== undefined).length;
  const weighted = answers.entries.filter((e) => e.weight !== undefined).length;
  const all = answers.entries.length;
  if (manifest.styles !== undefined && styled !== all)
    return `the manifest has ballot styles but ${all - styled} of the ${all} credentials in the answers table have none: ${regenerate}`;
  if (manifest.styles === undefined && styled > 0)
    return `the answers table gives ${styled} credentials a ballot style but the manifest has no styles: ${regenerate}`;
  if (manifest.weights !== undefined && weighted !== all)
    return `the manifest has weights but ${all - weighted} of the ${all} credentials in the answers table have none: ${regenerate}`;
  if (manifest.weights === undefined && weighted > 0)
    return `the answers table gives ${weighted} credentials a weight but the manifest has no weights: ${regenerate}`;
  return null;
}

/** One line per category: its credentials and their total weight, as the board now shows them. */
export function publishedTermsSummary(manifest: Manifest, answers: AnswersFile): string {
  if (manifest.styles === undefined && manifest.weights === undefined) return '';
  const rows = new Map<string, { count: number; weight: number }>();
  for (const entry of answers.entries) {
    const row = rows.get(entry.style ?? '') ?? { count: 0, weight: 0 };
    row.count += 1;
    row.weight += entry.weight ?? 1;
    rows.set(entry.style ?? '', row);
  }
  const lines = [
    'Published with the keys (spec §13.3: the category of each credential, not its member):',
  ];
  for (const [style, { count, weight }] of rows)
    lines.push(
      `  ${(style === '' ? 'all' : style).padEnd(20)} ${String(count).padStart(7)} credentials` +
        (manifest.weights === undefined ? '' : `, weight ${weight}`)
    );
  return `${lines.join('\n')}\n`;
}
