/**
 * @module Writes the record-layer test vectors to packages/record/vectors/ (one JSON file per area
 * of scripts/record-vectors/index.ts). Deterministic: every random input comes from a fixed seed,
 * so running it twice gives identical files, and scripts/record-vectors/record-vectors.test.ts
 * fails if a committed file drifts or our code stops reproducing a value.
 * Run: npx tsx scripts/make-record-vectors.ts (npm run vectors:record)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { prepareRecordVectors, recordVectorAreas } from './record-vectors/index.ts';
import { vectorFileText } from './record-vectors/area.ts';

const directory = new URL('../packages/record/vectors/', import.meta.url);
mkdirSync(directory, { recursive: true });
await prepareRecordVectors();
for (const area of recordVectorAreas) {
  writeFileSync(new URL(area.file, directory), vectorFileText(area.make()));
  console.log(`wrote packages/record/vectors/${area.file}`);
}
