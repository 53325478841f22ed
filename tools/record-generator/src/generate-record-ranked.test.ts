import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRanked } from '@scrutineer/ranked-count';
import { type BoardEvent, type EventBody, type EventType, canonicalize } from '@scrutineer/record';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { checkRankings } from './ranked-phase.ts';
import { type GenerateSummary, generateRecord } from './record-generator.ts';

const generator = new URL('../generate-record.ts', import.meta.url).pathname;

function exec(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    );
  });
}

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

function events(dir: string): BoardEvent[] {
  return readFileSync(join(dir, 'board.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as BoardEvent);
}

function bodyOf<T extends EventType>(list: readonly BoardEvent[], type: T): EventBody<T> {
  const event = list.find((e) => e.type === type);
  assert.ok(event !== undefined, `a ${type} event`);
  return event.body as EventBody<T>;
}

/** The V10 and V11 outcomes of a report, by id. */
function rankedChecks(report: Awaited<ReturnType<typeof verifyRecord>>): Map<string, string> {
  return new Map(report.checks.filter((c) => /^V1[01]\./.test(c.id)).map((c) => [c.id, c.status]));
}

/** Every V10.x and V11.x check ran and passed (V10.7, of postal batches, with none to judge). */
function assertRankedChecksPassed(report: Awaited<ReturnType<typeof verifyRecord>>): void {
  const checks = rankedChecks(report);
  const ids = ['V10.1', 'V10.2', 'V10.3', 'V10.4', 'V10.5', 'V10.6', 'V10.7', 'V11.1', 'V11.2'];
  assert.deepEqual([...checks.keys()].sort(), ids);
  for (const [id, status] of checks) assert.equal(status, 'passed', id);
}

/** The rankings of `intended` (key → count) one by one, 0-based as the count reads them. */
function castRankings(intended: ReadonlyMap<string, number>): number[][] {
  return [...intended].flatMap(([key, count]) =>
    Array.from({ length: count }, () =>
      key === '' ? [] : key.split(',').map((c) => Number(c) - 1)
    )
  );
}

function multiset(rankings: readonly (readonly number[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rankings) counts.set(r.join(','), (counts.get(r.join(',')) ?? 0) + 1);
  return counts;
}

test('generate-record --ranked writes a ranked record the real verifier accepts, counted as cast, byte-identical by seed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'generate-record-ranked-'));
  try {
    const a = join(root, 'a');
    const b = join(root, 'b');
    mkdirSync(b);
    // The command line (5 candidates by default) on 2 threads, the library on 1: the same record.
    const [cli, summary] = await Promise.all([
      exec([
        '--import',
        'tsx',
        generator,
        '--ranked',
        '--ballots',
        '48',
        '--out',
        a,
        '--seed',
        'ranked seed',
        '--threads',
        '2',
      ]),
      generateRecord({
        ballots: 48,
        candidates: 5,
        ranked: true,
        out: b,
        seed: 'ranked seed',
        threads: 1,
      }),
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stderr, /mixer 3 of 3: 48 rows/);
    const printed = JSON.parse(cli.stdout) as {
      candidates: number;
      intended: number[];
      ranked: { firstPreferences: number[]; blank: number; mixers: number; trustees: number[] };
    };
    assert.equal(printed.candidates, 5);
    assert.deepEqual(printed.intended, [0, 0, 0, 0, 0], 'a ranked entry adds no homomorphic vote');
    assert.equal(printed.ranked.mixers, 3);
    assert.deepEqual(printed.ranked.trustees, [1, 3, 5]);
    assert.equal(
      printed.ranked.firstPreferences.reduce((x, y) => x + y, printed.ranked.blank),
      48
    );
    assert.deepEqual(files(a), files(b));

    const report = await verifyRecord(recordDirectory(a));
    assert.equal(
      report.ok,
      true,
      JSON.stringify(report.checks.filter((c) => c.status === 'failed'))
    );
    assert.equal(report.stage, 'final');
    assert.equal(report.events, summary.events);
    assertRankedChecksPassed(report);

    const board = events(a);
    const manifest = bodyOf(board, 'election-setup');
    assert.equal(manifest.contests[0]?.method, 'irv');
    assert.equal(manifest.mixers?.members.length, 3);
    const cast = board.filter((e) => e.type === 'ballot-cast');
    assert.equal(cast.length, 48);
    for (const e of cast)
      if (e.type === 'ballot-cast')
        assert.equal(e.body.ballot.contests[0]?.ranked?.ciphertexts.length, 6);
    assert.deepEqual(
      [...new Set(board.flatMap((e) => (e.type === 'mix' ? [e.body.mixer] : [])))],
      [1, 2, 3]
    );
    const { ranked } = summary as Required<GenerateSummary>;
    // Varied: several lengths and first preferences among 48 voters.
    assert.ok(ranked.intended.size > 10, `${ranked.intended.size} distinct rankings`);
    const lengths = new Set(
      [...ranked.intended.keys()].map((k) => (k === '' ? 0 : k.split(',').length))
    );
    assert.ok(lengths.size >= 4, `lengths ${[...lengths].join(', ')}`);
    // The published rankings are the cast multiset; the published count is that of the cast rankings.
    const rankings = bodyOf(board, 'ranked-rankings');
    assert.deepEqual([...multiset(rankings.rankings)].sort(), [...ranked.intended].sort());
    const result = bodyOf(board, 'ranked-result');
    const counted = countRanked({
      method: 'irv',
      seats: 1,
      candidates: 5,
      rankings: castRankings(ranked.intended),
      seed: result.seed,
    });
    assert.ok(counted.ok);
    assert.deepEqual(result.sheet, counted.value);
    assert.deepEqual(
      ranked.elected,
      counted.value.elected.map((e) => `Candidate ${e + 1}`)
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a ranked record in many parts verifies, and a changed ranking in ranked-rankings fails V10.5', async () => {
  const root = mkdtempSync(join(tmpdir(), 'generate-record-ranked-parts-'));
  try {
    const summary = await generateRecord({
      ballots: 40,
      candidates: 4,
      ranked: true,
      rankedRowsPerPart: 16,
      out: root,
      seed: 'parts',
      threads: 2,
    });
    const board = events(root);
    const parts = board.filter((e) => e.type === 'mix' && e.body.mixer === 1);
    assert.equal(parts.length, 3, 'mixer 1 in 3 parts of at most 16 rows');
    assert.ok(board.some((e) => e.type === 'ranked-decryption-share' && e.body.parts > 1));
    const honest = await verifyRecord(recordDirectory(root));
    assert.equal(honest.ok, true);
    assert.equal(honest.events, summary.events);
    assertRankedChecksPassed(honest);

    // Swap the first two preferences of the first ranking that has two (the line stays canonical).
    const lines = readFileSync(join(root, 'board.jsonl'), 'utf8').trimEnd().split('\n');
    const index = lines.findIndex((l) => l.includes('"type":"ranked-rankings"'));
    const event = JSON.parse(lines[index] as string) as Extract<
      BoardEvent,
      { type: 'ranked-rankings' }
    >;
    const row = event.body.rankings.findIndex((r) => r.length >= 2);
    const ranking = event.body.rankings[row] as number[];
    event.body.rankings[row] = [ranking[1] as number, ranking[0] as number, ...ranking.slice(2)];
    lines[index] = canonicalize(event);
    writeFileSync(join(root, 'board.jsonl'), `${lines.join('\n')}\n`);
    const tampered = await verifyRecord(recordDirectory(root));
    assert.equal(tampered.ok, false);
    assert.equal(rankedChecks(tampered).get('V10.5'), 'failed');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the generator throws when the decrypted rankings are not those cast', () => {
  const cast = new Map([
    ['2,1', 2],
    ['', 1],
  ]);
  checkRankings([[2, 1], [], [2, 1]], cast);
  assert.throws(
    () => checkRankings([[2, 1], [], [1, 2]], cast),
    /decrypted rankings differ from those cast/
  );
  assert.throws(
    () =>
      checkRankings(
        [
          [2, 1],
          [2, 1],
        ],
        cast
      ),
    /\[\] decrypted 0 times, cast 1/
  );
});
