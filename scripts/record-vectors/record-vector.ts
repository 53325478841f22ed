/**
 * @module The whole-record vector (spec §9.1, verification.md): a short complete election record —
 * one trustee, an online ballot and a postal return, through to the result — built by the protocol
 * code with the seeded stream standing in for the CSPRNG, so the bytes are the same on every run;
 * and the same record with one line changed. Each comes with the verdict a verifier MUST reach.
 */
import assert from 'node:assert/strict';
import { nobleGroup } from '@scrutineer/crypto';
import { simulateElection } from '@scrutineer/testkit';
import { memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import type { RecordVectorArea } from './area.ts';
import { recordVectorSource, withSeededRandom } from './seeded.ts';

const SEED = 'scrutineer/record-vectors/record/v1';

interface Bundle {
  readonly 'format.json': string;
  readonly 'board.jsonl': string;
  readonly 'checkpoints.jsonl': string;
}

function buildRecord(): Bundle {
  return withSeededRandom(SEED, () => {
    const simulation = simulateElection({
      group: nobleGroup,
      electionId: 'record-vector',
      voters: 2,
      trustees: 1,
      threshold: 1,
      start: '2026-03-01T09:00:00Z',
      onlineChoice: (i) => (i === 0 ? [[0]] : null),
      postalChoice: (i) => (i === 1 ? [[1]] : null),
    });
    const files = simulation.board.toFiles();
    return {
      'format.json': files['format.json'],
      'board.jsonl': files['board.jsonl'],
      'checkpoints.jsonl': files['checkpoints.jsonl'],
    };
  });
}

async function verdict(bundle: Bundle): Promise<Record<string, unknown>> {
  const report = await verifyRecord(
    memoryRecordSource({
      format: bundle['format.json'],
      board: bundle['board.jsonl'],
      checkpoints: bundle['checkpoints.jsonl'],
    }),
    { group: nobleGroup }
  );
  return {
    valid: report.ok,
    stage: report.stage,
    failing: report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
  };
}

/** The record with its last line's board time moved to hour 25 (nothing re-signed or rechained). */
function withImpossibleTime(bundle: Bundle): Bundle {
  const lines = bundle['board.jsonl'].split('\n');
  const last = lines.length - 2;
  lines[last] = (lines[last] as string).replace(
    /"time":"(\d{4}-\d{2}-\d{2})T\d{2}/,
    '"time":"$1T25'
  );
  return { ...bundle, 'board.jsonl': lines.join('\n') };
}

// The verdicts are computed once at generation (verifyRecord is async); make() stays synchronous.
let verdicts: [Record<string, unknown>, Record<string, unknown>] | null = null;

export async function prepareRecordVector(): Promise<void> {
  const honest = buildRecord();
  verdicts = [await verdict(honest), await verdict(withImpossibleTime(honest))];
}

export const recordArea: RecordVectorArea = {
  file: 'record.json',
  make: () => {
    if (verdicts === null) throw new Error('call prepareRecordVector() first');
    const honest = buildRecord();
    return {
      source: recordVectorSource(SEED, '§9.1, §9.5, verification.md'),
      description:
        'A whole record bundle (spec §9.1) and the verdict of verification.md: `files` are the bundle’s files as text (format.json, board.jsonl, checkpoints.jsonl); `expected.valid` and `expected.stage` MUST be reached, and on an invalid record the first id of `expected.failing` MUST be the first check that fails; the rest of `failing` is what our verifier also reports. One trustee (threshold 1), two members: member 0 votes online, member 1 by post.',
      cases: [
        { name: 'a complete honest election', files: honest, expected: verdicts[0] },
        {
          name: 'the same record with the result line dated hour 25 (nothing rechained or re-signed)',
          files: withImpossibleTime(honest),
          expected: verdicts[1],
        },
      ],
    };
  },
  check: async (content) => {
    for (const c of content.cases) {
      assert.deepEqual(await verdict(c.files as Bundle), c.expected, c.name as string);
    }
  },
};
