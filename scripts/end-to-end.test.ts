/**
 * The whole pipeline across packages (the Belenios demo.sh idea): protocol makes a record, the
 * independent verifier checks it, and the `scrutineer verify` command reports it with the exit
 * codes it documents (0 valid, 1 invalid, 2 unusable input). Lives outside the packages because it crosses their boundaries on purpose.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { hexToBytes, loadGroup } from '@scrutineer/crypto';
import { type SimulatedVoter, type SimulationOptions, simulateElection } from '@scrutineer/testkit';
import { encryptBallot } from '@scrutineer/protocol';
import { memoryRecordSource, verifyRecord } from '@scrutineer/verifier';

const group = await loadGroup('sodium');
const cli = join(import.meta.dirname, '..', 'apps', 'cli', 'bin', 'scrutineer.mjs');

function simulate(options: Partial<SimulationOptions> = {}) {
  return simulateElection({
    group,
    voters: 10,
    audits: 1,
    onlineChoice: (i) => (i < 7 ? [[i % 2]] : null),
    postalChoice: (i) => (i >= 7 ? [[1]] : null),
    absentTrustees: [1, 3],
    ...options,
  });
}
const sourceOf = (files: ReturnType<ReturnType<typeof simulate>['board']['toFiles']>) =>
  memoryRecordSource({
    format: files['format.json'],
    board: files['board.jsonl'],
    checkpoints: files['checkpoints.jsonl'],
  });

describe('an election end to end', () => {
  test('a complete election verifies, and its result is the votes cast', async () => {
    const election = simulate();
    const report = await verifyRecord(sourceOf(election.board.toFiles()), { group });
    assert.equal(
      report.ok,
      true,
      JSON.stringify(report.checks.filter((c) => c.status === 'failed'))
    );
    assert.equal(report.stage, 'final');
    const result = election.board.events.at(-1);
    assert.equal(result?.type, 'election-result');
    if (result?.type !== 'election-result') return;
    const options = result.body.contests[0]?.options ?? [];
    assert.deepEqual(
      options.map((o) => o.online),
      [4, 3]
    );
    assert.deepEqual(
      options.map((o) => o.postal),
      [0, 3]
    );
    assert.deepEqual(
      options.map((o) => o.total),
      [4, 6]
    );
  });

  test('a record during voting verifies up to its stage', async () => {
    const report = await verifyRecord(sourceOf(simulate({ stopAfter: 'voting' }).board.toFiles()), {
      group,
    });
    assert.equal(report.ok, true);
    assert.equal(report.stage, 'open');
    assert.equal(report.checks.find((c) => c.id === 'V7.2')?.status, 'not-reached');
  });

  for (const policy of ['last-ballot-counts', 'first-ballot-final'] as const) {
    test(`a second online ballot for one credential is ${policy === 'last-ballot-counts' ? 'valid' : 'invalid'} under ${policy}`, async () => {
      const election = simulate({
        policy,
        stopAfter: 'voting',
        voters: 3,
        postalChoice: () => null,
        onlineChoice: () => [[0]],
      });
      const setup = {
        group,
        manifest: election.manifest,
        electionKey: group.decodePoint(hexToBytes(election.electionKeyHex ?? '')),
        baseHash: hexToBytes(election.baseHashHex ?? ''),
      };
      const { ballot, tracker } = encryptBallot(setup, election.voters[0] as SimulatedVoter, [[1]]);
      election.board.append('ballot-cast', election.board.events.at(-1)?.time ?? '', {
        ballot,
        tracker,
      });
      const report = await verifyRecord(sourceOf(election.board.toFiles()), { group });
      const policyCheck = report.checks.find((c) => c.id === 'V5.9');
      assert.equal(policyCheck?.status, policy === 'last-ballot-counts' ? 'passed' : 'failed');
      assert.equal(report.ok, policy === 'last-ballot-counts');
    });
  }

  test('one changed byte in a ballot ciphertext fails its proofs and nothing is accepted silently', async () => {
    const files = simulate({ stopAfter: 'voting' }).board.toFiles();
    const lines = files['board.jsonl'].split('\n');
    const index = lines.findIndex((l) => l.includes('"type":"ballot-cast"'));
    const line = lines[index] as string;
    const at = line.indexOf('"ciphertext":"') + '"ciphertext":"'.length + 70;
    lines[index] = line.slice(0, at) + (line[at] === '0' ? '1' : '0') + line.slice(at + 1);
    const report = await verifyRecord(sourceOf({ ...files, 'board.jsonl': lines.join('\n') }), {
      group,
    });
    assert.equal(report.ok, false);
    const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    assert.ok(failed.includes('V2.3') && failed.includes('V5.3'), failed.join());
  });

  test('scrutineer verify exits 0 on a valid record, 1 on a tampered one, 2 on no record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-e2e-'));
    const election = simulate();
    for (const [name, text] of Object.entries(election.board.toFiles()))
      writeFileSync(join(dir, name), text);
    const cast = election.board.events.find((e) => e.type === 'ballot-cast');
    const tracker = cast?.type === 'ballot-cast' ? cast.body.tracker : '';
    const ok = spawnSync(
      process.execPath,
      [cli, 'verify', dir, '--json', '--tracker', tracker, '--threads', '1'],
      { encoding: 'utf8' }
    );
    assert.equal(ok.status, 0, ok.stderr);
    const json = JSON.parse(ok.stdout) as {
      ok: boolean;
      tracker: { found: boolean; position: number };
    };
    assert.equal(json.ok, true);
    assert.equal(json.tracker.found, true);
    assert.equal(json.tracker.position, cast?.position);
    const audited = election.board.events.find((e) => e.type === 'ballot-audited');
    const auditTracker = audited?.type === 'ballot-audited' ? audited.body.tracker : '';
    const opened = spawnSync(
      process.execPath,
      [cli, 'verify', dir, '--audit', auditTracker, '--threads', '1'],
      { encoding: 'utf8' }
    );
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(opened.stdout, /encrypts:\n {2}Leader of the party: Alex Morgan\n/);
    const notAudited = spawnSync(
      process.execPath,
      [cli, 'verify', dir, '--audit', tracker, '--threads', '1'],
      { encoding: 'utf8' }
    );
    assert.equal(notAudited.status, 1);
    const missing = spawnSync(
      process.execPath,
      [cli, 'verify', dir, '--tracker', 'ab'.repeat(32), '--threads', '1'],
      { encoding: 'utf8' }
    );
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /NOT on the board/);

    const board = readFileSync(join(dir, 'board.jsonl'), 'utf8');
    writeFileSync(join(dir, 'board.jsonl'), board.replace('"online":4', '"online":5'));
    const bad = spawnSync(process.execPath, [cli, 'verify', dir, '--threads', '1'], {
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /FAIL V9\.1/);
    assert.equal(
      spawnSync(process.execPath, [cli, 'verify', join(dir, 'nothing-here')], { encoding: 'utf8' })
        .status,
      2
    );
  });
});
