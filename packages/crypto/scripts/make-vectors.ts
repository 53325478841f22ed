/**
 * @module Writes the generated test vectors to packages/crypto/vectors/ (one JSON file per area of
 * scripts/vectors/index.ts). Deterministic: every area draws from its own fixed seed, so running
 * it twice gives identical files, and src/vectors.test.ts fails if a committed file drifts.
 * Run: npx tsx packages/crypto/scripts/make-vectors.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { vectorAreas } from './vectors/index.ts';
import { vectorFileText } from './vectors/vector-file.ts';

const directory = new URL('../vectors/', import.meta.url);
mkdirSync(directory, { recursive: true });
for (const area of vectorAreas) {
  writeFileSync(new URL(area.file, directory), vectorFileText(area.make()));
  console.log(`wrote packages/crypto/vectors/${area.file}`);
}
