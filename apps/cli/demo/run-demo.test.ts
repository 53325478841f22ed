import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBoardEvent } from '@scrutineer/record';
import { codeFile } from '../test-fixtures/code-file.ts';
import { type LiveElection, runDemo } from './run-demo.ts';

const cli = join(import.meta.dirname, '..', 'bin', 'scrutineer.mjs');

/** Runs `scrutineer …` in a child process (asynchronously: the server answers from this one). */
function scrutineer(
  args: readonly string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 99;
      resolve({ code, stdout, stderr });
    });
  });
}

test('the demo at 60 members: verified record, totals as intended, audit right, double votes refused and published, vote exit codes', async () => {
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-demo-'));
  const exits: Record<string, { code: number; stdout: string; stderr: string }> = {};
  const lines: string[] = [];
  let servedNominations: string | undefined;
  const outcome = await runDemo({
    voters: 60,
    outDir: out,
    seed: 'test',
    pdfLimit: 1,
    log: (line) => void lines.push(line),
    whileOpen: async (live: LiveElection) => {
      const unvoted = live.plans.filter((p) => p.channel === 'none').slice(-3);
      const votedOnline = live.plans.find((p) => p.channel === 'online');
      const votedByPost = live.plans.find((p) => p.channel === 'postal');
      assert.ok(unvoted.length === 3 && votedOnline !== undefined && votedByPost !== undefined);
      const [fresh, wrong, locked] = unvoted as [
        (typeof unvoted)[0],
        (typeof unvoted)[0],
        (typeof unvoted)[0],
      ];
      const vote = (code: string, answers: string, choice: string) =>
        scrutineer([
          'vote',
          '--server',
          live.url,
          '--election',
          live.electionId,
          '--code-file',
          codeFile(code, answers),
          '--choice',
          choice,
        ]);
      exits['success'] = await vote(fresh.row.code, fresh.row.answers, 'Sam Patel');
      exits['wrongAnswers'] = await vote(wrong.row.code, 'dob=1900-01-01,postcode=ZZ1 1ZZ', '1');
      exits['alreadyOnline'] = await vote(votedOnline.row.code, votedOnline.row.answers, '1');
      exits['alreadyByPost'] = await vote(votedByPost.row.code, votedByPost.row.answers, '1');
      const typo = `${wrong.row.code.slice(0, -1)}${wrong.row.code.endsWith('0') ? '1' : '0'}`;
      exits['badCode'] = await vote(typo, wrong.row.answers, '1');
      for (let i = 0; i < 5; i++)
        await vote(locked.row.code, 'dob=1900-01-01,postcode=ZZ1 1ZZ', '1');
      exits['locked'] = await vote(locked.row.code, locked.row.answers, '1');
      // The board serves the nominations byte for byte, for the in-browser verifier's V1.3.
      const served = await fetch(
        `${live.url}/api/elections/${live.electionId}/record/nominations.json`
      );
      servedNominations = await served.text();
      return [1];
    },
  });
  const summary = JSON.stringify(exits, null, 1);
  assert.equal(exits['success']?.code, 0, summary);
  assert.match(exits['success']?.stdout ?? '', /tracker\s+[0-9a-f]{64}/);
  assert.equal(exits['wrongAnswers']?.code, 1, summary);
  assert.match(exits['wrongAnswers']?.stderr ?? '', /auth\/sign-in-failed/);
  assert.equal(exits['alreadyOnline']?.code, 1, summary);
  assert.match(exits['alreadyOnline']?.stderr ?? '', /credential-already-used/);
  assert.equal(exits['alreadyByPost']?.code, 1, summary);
  assert.match(exits['alreadyByPost']?.stderr ?? '', /used-by-post/);
  assert.equal(exits['badCode']?.code, 2, summary);
  assert.match(exits['badCode']?.stderr ?? '', /credential\//);
  assert.equal(exits['locked']?.code, 1, summary);
  assert.match(exits['locked']?.stderr ?? '', /credential-locked/);

  const nominations = readFileSync(join(out, 'nominations.json'), 'utf8');
  assert.equal(servedNominations, nominations);
  assert.equal(readFileSync(join(out, 'record', 'nominations.json'), 'utf8'), nominations);
  assert.match(
    lines.join('\n'),
    /nominations\.json published on the board \(sha256 [0-9a-f]{64}\)/
  );
  assert.equal(outcome.verified, true, lines.join('\n'));
  assert.equal(outcome.matches, true, lines.join('\n'));
  assert.deepEqual(outcome.auditMissed, []);
  assert.deepEqual(outcome.auditWronglyFlagged, []);
  assert.deepEqual(outcome.crossChannelRefusals, {
    postAfterOnline: 'postal/credential-used-online',
    onlineAfterPost: 'ballot/credential-used-by-post',
  });
  const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
    contests: { candidates: { name: string; total: number; intended: number }[] }[];
  };
  for (const row of result.contests[0]?.candidates ?? []) assert.equal(row.total, row.intended);
  const events = readFileSync(join(out, 'record', 'board.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const parsed = parseBoardEvent(JSON.parse(line));
      assert.ok(parsed.ok);
      return parsed.value;
    });
  const refused = events.filter((e) => e.type === 'cast-refused').map((e) => e.body);
  assert.deepEqual(refused.map((b) => `${b.channel} ${b.reason}`).sort(), [
    'online already-voted-by-post',
    'postal already-voted-online',
  ]);
  assert.ok(events.some((e) => e.type === 'ballot-audited'));
  assert.match(readFileSync(join(out, 'result.svg'), 'utf8'), /<title id="title">/);
  assert.match(
    readFileSync(join(out, 'roll-audit.csv'), 'utf8'),
    /^finding,rule,member_ids,evidence/
  );
});

for (const [label, plan, expected] of [
  [
    'one qualifying candidate: elected unopposed',
    [
      ['Alex Morgan', 150],
      ['Sam Patel', 40],
    ],
    'elected-unopposed',
  ],
  [
    'no qualifying candidate',
    [
      ['Alex Morgan', 90],
      ['Sam Patel', 80],
    ],
    'no-qualifying-candidate',
  ],
] as const) {
  test(`${label}: no members' ballot opens`, async () => {
    const out = mkdtempSync(join(tmpdir(), 'scrutineer-demo-'));
    const lines: string[] = [];
    const outcome = await runDemo({
      voters: 30,
      outDir: out,
      nominations: plan,
      log: (l) => void lines.push(l),
    });
    assert.equal(outcome.nominations.result, expected);
    assert.equal(outcome.electionId, undefined);
    assert.match(lines.join('\n'), /No members' ballot/);
    assert.throws(() => readFileSync(join(out, 'record', 'board.jsonl')));
  });
}
