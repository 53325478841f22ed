/**
 * @module Test helper: reads a BLT ballot file (the format of ERBS, OpenSTV and Droop: "candidates
 * seats", then "weight c1 c2 … 0" lines, a lone "0", then quoted names) into rankings.
 */
import { readFileSync } from 'node:fs';

export interface Blt {
  readonly candidates: number;
  readonly seats: number;
  readonly rankings: number[][];
  readonly names: string[];
}

export function readBlt(path: string): Blt {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim());
  const [candidates, seats] = (lines[0] ?? '').split(/\s+/).map(Number) as [number, number];
  const rankings: number[][] = [];
  let i = 1;
  for (; i < lines.length && lines[i] !== '0'; i++) {
    const [weight, ...prefs] = (lines[i] ?? '').split(/\s+/).map(Number);
    const ranking = prefs.slice(0, prefs.indexOf(0)).map((c) => c - 1);
    for (let w = 0; w < (weight ?? 0); w++) rankings.push(ranking);
  }
  const names = lines.slice(i + 1, i + 1 + candidates).map((l) => l.replace(/^"|"$/g, ''));
  return { candidates, seats, rankings, names };
}
