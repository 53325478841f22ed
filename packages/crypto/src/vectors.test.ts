import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Group } from './group.ts';
import { nobleGroup } from './backends/noble.ts';
import { loadGroup } from './backends/load-group.ts';
import { vectorAreas } from '../scripts/vectors/index.ts';
import { vectorFileText } from '../scripts/vectors/vector-file.ts';

const groups: readonly Group[] = [nobleGroup, await loadGroup('sodium'), await loadGroup('wasm')];
const directory = new URL('../vectors/', import.meta.url);
const committed = (file: string): string => readFileSync(new URL(file, directory), 'utf8');

describe('generated test vectors (packages/crypto/vectors/)', () => {
  for (const area of vectorAreas) {
    test(`${area.file} is exactly what make-vectors.ts generates`, () => {
      assert.equal(
        committed(area.file),
        vectorFileText(area.make()),
        `${area.file} drifted: run npx tsx packages/crypto/scripts/make-vectors.ts and review the diff`
      );
    });

    const check = area.check;
    if (check) {
      for (const group of groups) {
        test(`${area.file}: every case verifies from the file alone (${group.backend})`, () => {
          check(JSON.parse(committed(area.file)) as unknown, group);
        });
      }
    }
  }

  test('every file that says make-vectors.ts made it belongs to an area', () => {
    const areaFiles = new Set(vectorAreas.map((a) => a.file));
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json'))) {
      const { source } = JSON.parse(committed(file)) as { source?: unknown };
      if (typeof source === 'string' && source.includes('make-vectors.ts')) {
        assert.ok(areaFiles.has(file), `${file} is not in scripts/vectors/index.ts`);
      }
    }
  });

  test('a tampered vector fails its check', () => {
    const range = vectorAreas.find((a) => a.file === 'range-proof.json');
    assert.ok(range?.check);
    const content = JSON.parse(committed(range.file)) as { cases: { proof: string }[] };
    const first = content.cases[0];
    assert.ok(first);
    // Flip one bit of the last response byte (keeps the scalar canonical: its top byte is < 0x10).
    const last = parseInt(first.proof.slice(-2), 16) ^ 1;
    first.proof = first.proof.slice(0, -2) + last.toString(16).padStart(2, '0');
    assert.throws(() => range.check?.(content, nobleGroup));
  });
});
