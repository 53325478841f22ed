/**
 * @module Double entry of postal papers (spec §9.5 `postal-batch`): two operators key the
 * same batch independently (CSV `pack_id,choice`, one row per paper; choices by name or 1-based
 * position, `;` between several, `spoilt` or empty for a spoilt paper). The batch is committed
 * only when both entries agree paper by paper; a paper whose choices break the contest's limits
 * counts as spoilt. Totals are per candidate; spoilt papers are counted separately.
 */
import type { Manifest } from '@scrutineer/record';
import { checkChoices } from '@scrutineer/protocol';
import { resolveChoices } from '../../client/vote-client.ts';
import { parseCsvText } from '../roll/csv-file.ts';

export interface KeyedPaper {
  readonly row: number;
  readonly packId: string;
  /** As keyed, normalised (trimmed, lower-case, single spaces). */
  readonly choice: string;
}

export interface Mismatch {
  readonly paper: number;
  readonly packId: string;
  readonly first: string;
  readonly second: string;
}

export interface BatchTotals {
  readonly papers: number;
  readonly spoilt: number;
  readonly contests: { counts: number[] }[];
}

export function parseKeyedEntries(text: string): KeyedPaper[] {
  const table = parseCsvText(text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  if (header[0] !== 'pack_id' || header[1] !== 'choice')
    throw new Error('a keyed entry file has the columns pack_id,choice');
  return table.rows.map(({ row, cells }) => ({
    row,
    packId: (cells[0] ?? '').trim(),
    choice: (cells[1] ?? '').trim().toLowerCase().replace(/\s+/g, ' '),
  }));
}

/** Paper-by-paper differences between the two operators' entries (order and content). */
export function compareEntries(
  first: readonly KeyedPaper[],
  second: readonly KeyedPaper[]
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const a = first[i];
    const b = second[i];
    if (a?.packId !== b?.packId || a?.choice !== b?.choice)
      mismatches.push({
        paper: i + 1,
        packId: a?.packId ?? b?.packId ?? '',
        first: a === undefined ? '(missing)' : `${a.packId} ${a.choice}`,
        second: b === undefined ? '(missing)' : `${b.packId} ${b.choice}`,
      });
  }
  return mismatches;
}

/** The batch's totals from agreed entries. */
export function batchTotals(manifest: Manifest, papers: readonly KeyedPaper[]): BatchTotals {
  const contests = manifest.contests.map((c) => ({ counts: c.candidates.map(() => 0) }));
  let spoilt = 0;
  for (const paper of papers) {
    const choices =
      paper.choice === '' || paper.choice === 'spoilt'
        ? 'spoilt'
        : resolveChoices(
            manifest,
            paper.choice.split(';').map((s) => s.trim())
          );
    let valid = typeof choices !== 'string';
    if (typeof choices !== 'string') {
      try {
        checkChoices(manifest, choices);
      } catch {
        valid = false;
      }
    }
    if (!valid || typeof choices === 'string') {
      spoilt++;
      continue;
    }
    choices.forEach((chosen, c) =>
      chosen.forEach((j) => {
        const counts = contests[c]?.counts;
        if (counts !== undefined) counts[j] = (counts[j] ?? 0) + 1;
      })
    );
  }
  return { papers: papers.length, spoilt, contests };
}
