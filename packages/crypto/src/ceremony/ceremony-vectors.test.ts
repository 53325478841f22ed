import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keyCeremonyVectors } from '../../scripts/vectors/ceremony.ts';
import { thresholdDecryptionVectors } from '../../scripts/vectors/threshold-decryption.ts';
import { nobleGroup as group } from '../backends/noble.ts';

const read = (file: string): { cases: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(new URL(`../../vectors/${file}`, import.meta.url), 'utf8')) as {
    cases: Record<string, unknown>[];
  };

/** Sets `value` at `path` in a fresh copy of the file and expects the area's check to refuse it. */
function refuses(
  area: typeof keyCeremonyVectors,
  path: readonly (string | number)[],
  value: unknown
): void {
  const content = read(area.file);
  let node: Record<string | number, unknown> = content;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  assert.throws(
    () => area.check?.(content, group),
    `changing ${path.join('.')} must fail the check`
  );
}

test('the committed ceremony vectors pass their check, and a changed byte or verdict fails it', () => {
  assert.doesNotThrow(() => keyCeremonyVectors.check?.(read(keyCeremonyVectors.file), group));
  const share = (
    read(keyCeremonyVectors.file).cases[1]?.shares as { keyDerivationInput: string }[]
  )[0];
  assert.ok(share);
  refuses(
    keyCeremonyVectors,
    ['cases', 1, 'shares', 0, 'keyDerivationInput'],
    share.keyDerivationInput.replace(/.$/, (d) => (d === '0' ? '1' : '0'))
  );
  refuses(keyCeremonyVectors, ['cases', 1, 'complaints', 0, 'faulty'], 'dealer');
  refuses(keyCeremonyVectors, ['cases', 1, 'result', 'qualified'], ['1', '2', '3', '4']);
  refuses(keyCeremonyVectors, ['cases', 0, 'result', 'secretShares', 0], '00'.repeat(32));
});

test('the committed threshold vectors pass their check, and a changed share or verdict fails it', () => {
  assert.doesNotThrow(() =>
    thresholdDecryptionVectors.check?.(read(thresholdDecryptionVectors.file), group)
  );
  refuses(thresholdDecryptionVectors, ['cases', 0, 'combinations', 2, 'correct'], true);
  const shares = read(thresholdDecryptionVectors.file).cases[0]?.shares as { valid: boolean }[];
  refuses(thresholdDecryptionVectors, ['cases', 0, 'shares', shares.length - 1, 'valid'], true);
  refuses(thresholdDecryptionVectors, ['cases', 0, 'targets', 1, 'total'], '2');
});
