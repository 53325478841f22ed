import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type RecordVectorFile, vectorFileText } from './area.ts';
import { prepareRecordVectors, recordVectorAreas } from './index.ts';

const directory = new URL('../../packages/record/vectors/', import.meta.url);
const committed = (file: string): string => readFileSync(new URL(file, directory), 'utf8');

describe('record-layer test vectors (packages/record/vectors/)', async () => {
  await prepareRecordVectors();
  for (const area of recordVectorAreas) {
    test(`${area.file} is exactly what make-record-vectors.ts generates`, () => {
      assert.equal(
        committed(area.file),
        vectorFileText(area.make()),
        `${area.file} drifted: run npx tsx scripts/make-record-vectors.ts and review the diff`
      );
    });
    test(`${area.file}: our record code reproduces every value from the file alone`, async () => {
      await area.check(JSON.parse(committed(area.file)) as RecordVectorFile);
    });
  }

  test('every file in packages/record/vectors/ belongs to an area', () => {
    const files = new Set(recordVectorAreas.map((a) => a.file));
    for (const file of readdirSync(directory)) assert.ok(files.has(file), file);
  });

  test('a tampered vector fails its check', async () => {
    const merkle = recordVectorAreas.find((a) => a.file === 'merkle.json');
    assert.ok(merkle);
    const content = JSON.parse(committed(merkle.file)) as { cases: { proof?: string[] }[] };
    const withProof = content.cases.find((c) => (c.proof?.length ?? 0) > 0);
    assert.ok(withProof?.proof);
    withProof.proof[0] = `${withProof.proof[0]?.slice(0, -1)}${withProof.proof[0]?.endsWith('0') ? '1' : '0'}`;
    assert.throws(() => merkle.check(content as unknown as RecordVectorFile));
    const record = recordVectorAreas.find((a) => a.file === 'record.json');
    assert.ok(record);
    const whole = JSON.parse(committed(record.file)) as {
      cases: { expected: { valid: boolean } }[];
    };
    const honest = whole.cases[0];
    assert.ok(honest);
    honest.expected.valid = false;
    await assert.rejects(async () => record.check(whole as unknown as RecordVectorFile));
  });
});
