/**
 * @module The ranked contests' result sheets beside the declaration (spec §12.7): from a verified
 * record's `ranked-result` events, DIR/ranked-result.json (the sheets as published) and
 * DIR/ranked-result.md (each as a readable table in the shape of an ERS result sheet, with the
 * manifest's candidate names).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ResultSheet, renderSheet } from '@scrutineer/ranked-count';
import type { BoardEvent, Manifest } from '@scrutineer/record';

export interface RankedSheet {
  readonly contestId: string;
  readonly title: string;
  readonly sheet: ResultSheet;
  /** The names of those elected, in the order elected. */
  readonly elected: readonly string[];
}

/** Spec §12.7: every ranked contest's published sheet, in manifest order. */
export function rankedSheetsOf(manifest: Manifest, events: readonly BoardEvent[]): RankedSheet[] {
  return manifest.contests.flatMap((contest) => {
    const event = events.find((e) => e.type === 'ranked-result' && e.body.contestId === contest.id);
    if (event?.type !== 'ranked-result') return [];
    const sheet = event.body.sheet as ResultSheet;
    const names = contest.candidates.map((c) => c.name);
    return [
      {
        contestId: contest.id,
        title: contest.title,
        sheet,
        elected: sheet.elected.map((c) => names[c] ?? `candidate ${c + 1}`),
      },
    ];
  });
}

/** Writes ranked-result.json and ranked-result.md into `directory` (removes them if none). */
export function writeRankedSheets(
  directory: string,
  manifest: Manifest,
  sheets: readonly RankedSheet[]
): void {
  const json = join(directory, 'ranked-result.json');
  const markdown = join(directory, 'ranked-result.md');
  rmSync(json, { force: true });
  rmSync(markdown, { force: true });
  if (sheets.length === 0) return;
  writeFileSync(json, `${JSON.stringify(sheets, null, 2)}\n`);
  const names = (id: string) =>
    manifest.contests.find((c) => c.id === id)?.candidates.map((c) => c.name);
  writeFileSync(
    markdown,
    sheets.map((s) => `# ${s.title}\n\n${renderSheet(s.sheet, names(s.contestId))}`).join('\n\n')
  );
}
