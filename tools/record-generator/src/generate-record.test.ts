import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, main } from './main.ts';

const generator = new URL('../generate-record.ts', import.meta.url).pathname;
const scrutineer = new URL('../../../apps/cli/bin/scrutineer.mjs', import.meta.url).pathname;

function exec(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    );
  });
}

const run = (args: readonly string[]) => exec([scrutineer, ...args]);
const generate = (out: string, seed: string, threads: number) =>
  exec([
    '--import',
    'tsx',
    generator,
    '--ballots',
    '50',
    '--candidates',
    '3',
    '--out',
    out,
    '--seed',
    seed,
    '--threads',
    String(threads),
  ]);

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

test('generate-record writes a record the real verifier accepts, deterministic by seed, and a flipped ballot byte fails', async () => {
  const root = mkdtempSync(join(tmpdir(), 'generate-record-'));
  try {
    const [first, again, other] = await Promise.all([
      generate(join(root, 'a'), 'fixed seed', 2),
      generate(join(root, 'b'), 'fixed seed', 1),
      generate(join(root, 'c'), 'another seed', 2),
    ]);
    for (const r of [first, again, other]) assert.equal(r.code, 0, r.stderr);
    assert.match(first.stderr, /ballots 50\/50/, 'progress is printed on stderr');
    const summary = JSON.parse(first.stdout) as { intended: number[]; events: number };
    assert.equal(summary.intended.length, 3);
    assert.equal(
      summary.intended.reduce((a, b) => a + b, 0),
      50
    );

    // Same seed, other thread count: byte-identical. Another seed: another record.
    const a = files(join(root, 'a'));
    assert.deepEqual([...a.keys()].sort(), ['board.jsonl', 'checkpoints.jsonl', 'format.json']);
    assert.deepEqual(files(join(root, 'b')), a);
    assert.notDeepEqual(files(join(root, 'c')).get('board.jsonl'), a.get('board.jsonl'));

    const verified = await run(['verify', join(root, 'a'), '--json']);
    assert.equal(verified.code, 0, verified.stdout.slice(0, 2000));
    const report = JSON.parse(verified.stdout) as { ok: boolean; stage: string; events: number };
    assert.equal(report.ok, true);
    assert.equal(report.stage, 'final');
    assert.equal(report.events, summary.events);
    const lines = (a.get('board.jsonl') as Buffer).toString('utf8').trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1) as string) as {
      type: string;
      body: { contests: { options: { online: number; total: number }[] }[] };
    };
    assert.equal(last.type, 'election-result');
    assert.deepEqual(
      last.body.contests[0]?.options.map((o) => o.total),
      summary.intended,
      'the verified result is what the generator cast'
    );
    assert.equal(lines.filter((l) => l.includes('"type":"ballot-cast"')).length, 50);

    // Flip one byte of the first ballot's signature (one hex digit, so the line stays canonical).
    const index = lines.findIndex((l) => l.includes('"type":"ballot-cast"'));
    const line = lines[index] as string;
    const at = line.indexOf('"signature":"') + '"signature":"'.length;
    const digit = line[at] === '0' ? '1' : '0';
    lines[index] = line.slice(0, at) + digit + line.slice(at + 1);
    writeFileSync(join(root, 'a', 'board.jsonl'), `${lines.join('\n')}\n`);
    const tampered = await run(['verify', join(root, 'a'), '--json']);
    assert.equal(tampered.code, 1);
    const failed = (
      JSON.parse(tampered.stdout) as { checks: { id: string; status: string }[] }
    ).checks
      .filter((c) => c.status === 'failed')
      .map((c) => c.id);
    assert.ok(failed.includes('V5.4'), `signature check fails: ${failed.join(', ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('generate-record refuses bad options with exit 2 and writes nothing', async () => {
  const root = mkdtempSync(join(tmpdir(), 'generate-record-bad-'));
  const taken = join(root, 'taken');
  mkdirSync(taken);
  writeFileSync(join(taken, 'keep.txt'), 'x');
  const cases: [string[], RegExp][] = [
    [['--ballots', '0', '--candidates', '3', '--out', join(root, 'x')], /--ballots must be/],
    [['--ballots', '1e3', '--candidates', '3', '--out', join(root, 'x')], /--ballots must be/],
    [['--ballots', '5', '--candidates', '1', '--out', join(root, 'x')], /--candidates must be/],
    [['--ballots', '5', '--candidates', '51', '--out', join(root, 'x')], /--candidates must be/],
    [
      ['--ballots', '5', '--candidates', '2', '--out', join(root, 'x'), '--threads', '0'],
      /--threads/,
    ],
    [['--ballots', '5', '--candidates', '2'], /--out/],
    [['--ballots', '5', '--out', join(root, 'x')], /required option '--candidates <n>'/],
    [['--ballots', '5', '--candidates', '2', '--out', taken], /is not empty/],
  ];
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  try {
    for (const [args, message] of cases) {
      stderr = '';
      process.stderr.write = (chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      };
      const code = await main(['node', 'generate-record', ...args]);
      process.stderr.write = write;
      process.exitCode = undefined;
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    assert.deepEqual(readdirSync(root).sort(), ['taken']);
    assert.deepEqual(readdirSync(taken), ['keep.txt']);
  } finally {
    process.stderr.write = write;
    rmSync(root, { recursive: true, force: true });
  }
});

test('generate-record --help names its options', () => {
  const command = buildProgram();
  const help = command.helpInformation();
  for (const option of ['--ballots', '--candidates', '--out', '--seed', '--threads', '--ranked'])
    assert.ok(help.includes(option), option);
});
