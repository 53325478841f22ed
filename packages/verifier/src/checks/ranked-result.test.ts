import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countRanked } from '@scrutineer/ranked-count';
import { type RankedResultBody, parseBoardEvent } from '@scrutineer/record';
import { type RankedContestRules, checkRankedResult } from './ranked-result.ts';

const seed = '7c'.repeat(32);
const contest: RankedContestRules = {
  contestId: 'committee',
  method: 'stv',
  rules: 'ers97',
  seats: 3,
  candidates: 5,
  seed,
};
const copies = (...groups: [number, number[]][]) =>
  groups.flatMap(([n, r]) => Array.from({ length: n }, () => r));
const rankings = copies([4, [0]], [2, [1, 0]], [8, [2, 3]], [4, [2, 4]], [1, [3]], [1, [4]]);

function honest(): RankedResultBody {
  const sheet = countRanked({
    method: 'stv',
    rules: 'ers97',
    seats: 3,
    candidates: 5,
    rankings,
    seed,
  });
  if (!sheet.ok) throw new Error(sheet.error.message);
  return { contestId: 'committee', method: 'stv', rules: 'ers97', seed, sheet: sheet.value };
}

/** A deep copy the test may tamper with. */
function tampered(
  change: (
    b: { sheet: { stages: { votes: string[]; elected: number[] }[]; elected: number[] } } & Record<
      string,
      unknown
    >
  ) => void
): RankedResultBody {
  type Mutable = Parameters<typeof change>[0];
  const body = JSON.parse(JSON.stringify(honest())) as Mutable;
  change(body);
  return body as unknown as RankedResultBody;
}

describe('V11 ranked count', () => {
  it('an honest sheet is a well-formed ranked-result event and passes V11.1–V11.2', () => {
    const body = honest();
    const event = parseBoardEvent({
      type: 'ranked-result',
      position: 9,
      previous: 'ab'.repeat(32),
      time: '2026-03-01T09:00:05Z',
      body,
    });
    assert.equal(event.ok, true, JSON.stringify(!event.ok && event.error));
    assert.deepEqual(checkRankedResult(contest, rankings, body), []);
  });

  it('V11.2 fails at the stage where a transfer was moved from one candidate to another', () => {
    const body = tampered((b) => {
      const stage = b.sheet.stages[1] as { votes: string[] };
      stage.votes[3] = '5.00';
      stage.votes[4] = '3.96';
    });
    assert.deepEqual(checkRankedResult(contest, rankings, body), [
      { check: 'V11.2', stage: 2, message: 'stage 2 differs from the recount' },
    ]);
  });

  it('V11.2 fails when the winners are swapped but every stage is left as counted', () => {
    const body = tampered((b) => {
      b.sheet.elected = [2, 3, 4];
    });
    assert.deepEqual(
      checkRankedResult(contest, rankings, body).map((f) => f.check),
      ['V11.2']
    );
  });

  it('V11.2 fails when a ballot is dropped before the count (the sheet no longer matches the rankings)', () => {
    assert.deepEqual(
      checkRankedResult(contest, rankings.slice(1), honest()).map((f) => [f.check, f.message]),
      [['V11.2', 'ballots: published 20, recounted 19']]
    );
  });

  it('V11.1 fails on another seed, and V11.2 recounts with the fixed one', () => {
    const other = '00'.repeat(32);
    const sheet = countRanked({
      method: 'stv',
      rules: 'ers97',
      seats: 3,
      candidates: 5,
      rankings,
      seed: other,
    });
    assert.ok(sheet.ok);
    const body: RankedResultBody = { ...honest(), seed: other, sheet: sheet.value };
    // No tie in this contest, so the sheet itself is the same: only V11.1 fails.
    assert.deepEqual(
      checkRankedResult(contest, rankings, body).map((f) => f.check),
      ['V11.1']
    );
  });

  it('V11.1 fails when the sheet is counted by Meek for an ERS97 contest, and V11.2 with it', () => {
    const sheet = countRanked({
      method: 'stv',
      rules: 'meek',
      seats: 3,
      candidates: 5,
      rankings,
      seed,
    });
    assert.ok(sheet.ok);
    const body: RankedResultBody = { ...honest(), rules: 'meek', sheet: sheet.value };
    assert.deepEqual(
      checkRankedResult(contest, rankings, body).map((f) => f.check),
      ['V11.1', 'V11.2']
    );
  });

  it('V11.2 reports rankings that cannot be counted (a candidate twice)', () => {
    const findings = checkRankedResult(contest, [...rankings, [1, 1]], honest());
    assert.deepEqual(
      findings.map((f) => f.check),
      ['V11.2']
    );
    assert.match(findings[0]?.message ?? '', /cannot be counted/);
  });
});
