/**
 * The officer's, trustees' and postal commands as processes against a running server: a 2-of-3
 * election from `trustee keygen` to `election publish`, with one trustee absent at the tally.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, deriveCredentialKey, loadGroup, parseVotingCode } from '@scrutineer/crypto';
import { formatAnswers, memberAnswers } from '@scrutineer/protocol';
import {
  electionCreate,
  electionPublish,
  startCommandServer,
  manifestInstant,
  trusteeKeygen,
  writeCommittedRoll,
} from '../../../test-fixtures/command-election.ts';
import { testDraft } from '../../../test-fixtures/test-manifest.ts';
import { ServerClient } from '../../client/server-client.ts';
import { tallyWithTrustees } from '../../../test-fixtures/trustee-tally.ts';
import { codeFile } from '../../../test-fixtures/code-file.ts';
import { readPrintFile } from '../packs/pack-files.ts';
import { writeJsonFile } from '../roll/roll-files.ts';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';

const OPERATOR_KEY = 'operator-key-for-the-commands-test';
const ADMIN_KEY = 'admin-key-for-the-commands-test-made-long-enough';
const { run, ok } = cliRunner({ operatorKey: OPERATOR_KEY, adminKey: ADMIN_KEY });

test('election, trustee, postal and vote commands run a 2-of-3 election to a verified record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-commands-'));
  const server = await startCommandServer(dir, OPERATOR_KEY);
  try {
    const url = server.url;
    const id = 'commands-test';
    const common = ['--server', url, '--election', id];
    for (const i of [1, 2, 3]) await ok(trusteeKeygen(id, i, join(dir, `trustee-${i}.json`)));
    const roll = writeCommittedRoll(dir, 30, 'commands');
    // nominations.json as `nominations close` publishes it (canonical JSON), and its manifest field.
    const nominations =
      '{"candidates":[{"id":"alex-morgan","name":"Alex Morgan","nominations":120},{"id":"sam-patel","name":"Sam Patel","nominations":110}],"contest":"leader","threshold":100}';
    const nominationsHash = createHash('sha256').update(nominations, 'utf8').digest('hex');
    writeFileSync(join(dir, 'nominations.json'), nominations);
    writeJsonFile(join(dir, 'nominations-manifest.json'), {
      threshold: 100,
      hash: nominationsHash,
      qualified: ['alex-morgan', 'sam-patel'],
    });
    const now = Date.now();
    writeJsonFile(join(dir, 'draft.json'), {
      ...testDraft({
        electionId: id,
        title: 'Commands test',
        candidates: ['Alex Morgan', 'Sam Patel'],
        window: { opens: manifestInstant(now - 60_000), closes: manifestInstant(now + 86_400_000) },
      }),
      trustees: { threshold: 2 },
      securityQuestions: [
        { id: 'dob', label: 'Date of birth' },
        { id: 'postcode', label: 'Postcode' },
      ],
    });
    await ok(
      electionCreate(
        url,
        dir,
        [1, 2, 3].map((i) => join(dir, `trustee-${i}.public.json`)),
        ['--nominations', join(dir, 'nominations-manifest.json')]
      )
    );
    // The board serves the nominations with the record (for the in-browser verifier's V1.3).
    const upload = ['election', 'nominations', ...common, '--file', join(dir, 'nominations.json')];
    assert.equal(await ok(upload), `Nominations published (sha256 ${nominationsHash}).\n`);
    assert.match(await ok(upload), /^Nominations already published/);
    writeFileSync(join(dir, 'edited-nominations.json'), nominations.replace('120', '121'));
    const edited = await run([...upload.slice(0, -1), join(dir, 'edited-nominations.json')]);
    assert.equal(edited.code, 2, edited.stderr);
    assert.match(edited.stderr, /nominations\/hash-mismatch/);
    await Promise.all([
      ...[1, 2, 3].map((i) =>
        ok(['trustee', 'ceremony', '--server', url, '--key', join(dir, `trustee-${i}.json`)])
      ),
      ok(['election', 'key', ...common, '--complaint-wait', '1']),
    ]);
    const key = (await new ServerClient(url).summary(id)).electionKey;
    assert.ok(key !== null);
    await ok([
      'packs',
      'generate',
      '--roll',
      join(dir, 'roll.json'),
      '--references',
      join(dir, 'references.json'),
      '--election',
      join(dir, 'manifest.json'),
      '--server',
      url,
      '--election-key',
      key,
      '--out',
      join(dir, 'packs'),
      '--no-pdf',
      '--argon2-memory',
      '256',
      '--argon2-iterations',
      '1',
    ]);
    // The printer's file holds no answers: each member knows their own (from the roll here).
    const rollMembers = new Map(roll.members.map((m) => [m.memberId, m]));
    const group = await loadGroup();
    const rows = readPrintFile(join(dir, 'packs', 'print', 'packs.csv')).map((row) => {
      const member = rollMembers.get(row.member_id);
      assert.ok(member !== undefined);
      const questions = ['dob', 'postcode'];
      // The return slip names the credential, which the printer derives from the code.
      const code = parseVotingCode(row.code);
      assert.ok(code.ok);
      const key = deriveCredentialKey(group, id, code.value).publicKey;
      return {
        ...row,
        credential: bytesToHex(group.encodePoint(key)),
        answers: formatAnswers(questions, memberAnswers(member, questions)),
      };
    });
    const early = await run([
      'vote',
      ...common,
      '--code-file',
      codeFile(rows[0]?.code ?? '', rows[0]?.answers ?? ''),
      '--choice',
      '1',
    ]);
    assert.equal(early.code, 1);
    assert.match(early.stderr, /election\/not-open/);
    await ok(['election', 'open', ...common, '--answers', join(dir, 'packs', 'answers.json')]);
    const [online, postal] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const receipt = await ok([
      'vote',
      ...common,
      '--code-file',
      codeFile(online.code, online.answers),
      '--choice',
      'Sam Patel',
      '--audit',
    ]);
    assert.match(receipt, /Audited ballot/);
    assert.match(receipt, /tracker\s+[0-9a-f]{64}/);
    // F3: without the return slip's secret, the officer cannot mark a pack received.
    const guessed = await run([
      'postal',
      'receive',
      ...common,
      '--credential',
      postal.credential,
      '--return-secret',
      'ab'.repeat(16),
    ]);
    assert.equal(guessed.code, 1);
    assert.match(guessed.stderr, /return secret does not match/);
    await ok([
      'postal',
      'receive',
      ...common,
      '--slip',
      `RETURN2:${postal.credential.toUpperCase()}:${postal.return_secret.toUpperCase()}`,
      '--batch',
      'b1',
    ]);
    const refused = await run([
      'postal',
      'receive',
      ...common,
      '--credential',
      online.credential,
      '--return-secret',
      online.return_secret,
    ]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /already voted online/);
    const late = await run([
      'vote',
      ...common,
      '--code-file',
      codeFile(postal.code, postal.answers),
      '--choice',
      '1',
    ]);
    assert.equal(late.code, 1);
    assert.match(late.stderr, /used-by-post/);
    await ok(['election', 'close', ...common]);
    const closed = await run([
      'vote',
      ...common,
      '--code-file',
      codeFile(rows[2]?.code ?? '', rows[2]?.answers ?? ''),
      '--choice',
      '1',
    ]);
    assert.equal(closed.code, 1);
    assert.match(closed.stderr, /election\/closed/);
    // F3: after the close, even the abstainer's real slip is refused: the returns are fixed.
    const abstainer = rows[2] as (typeof rows)[0];
    const stuffed = await run([
      'postal',
      'receive',
      ...common,
      '--credential',
      abstainer.credential,
      '--return-secret',
      abstainer.return_secret,
    ]);
    assert.equal(stuffed.code, 1);
    assert.match(stuffed.stderr, /voting has closed/);
    writeFileSync(join(dir, 'first.csv'), 'paper,choice\n1,Alex Morgan\n');
    writeFileSync(join(dir, 'second.csv'), 'paper,choice\n1,Sam Patel\n');
    const batch = [
      'postal',
      'batch',
      ...common,
      '--batch',
      'b1',
      '--first',
      join(dir, 'first.csv'),
      '--second',
      join(dir, 'second.csv'),
    ];
    const mismatch = await run(batch);
    assert.equal(mismatch.code, 1);
    assert.match(mismatch.stderr, /mismatch/);
    writeFileSync(join(dir, 'second.csv'), 'paper,choice\n1,alex  MORGAN\n');
    await ok(batch);
    // The checkpoint the officer announces (outside the server) goes to trustees 1 and 3.
    const tally = await tallyWithTrustees(ok, url, id, [
      join(dir, 'trustee-1.json'),
      join(dir, 'trustee-3.json'),
    ]);
    assert.match(tally, /Tally checkpoint: \d+:[0-9a-f]{64}\n/);
    const wrongCheckpoint = await run([
      'trustee',
      'decrypt',
      '--server',
      url,
      '--key',
      join(dir, 'trustee-2.json'),
      '--checkpoint',
      `1:${'00'.repeat(32)}`,
    ]);
    assert.notEqual(wrongCheckpoint.code, 0);
    assert.match(wrongCheckpoint.stderr, /trustee\/checkpoint-not-on-board/);
    assert.match(tally, /Alex Morgan\s+0\s+1\s+1/);
    assert.match(tally, /Sam Patel\s+1\s+0\s+1/);
    const published = await ok(electionPublish(url, id, join(dir, 'out')));
    assert.match(published, /VERIFIED/);
    // Without --nominations, publish takes nominations.json from the board.
    assert.equal(readFileSync(join(dir, 'out', 'record', 'nominations.json'), 'utf8'), nominations);
    assert.match(readFileSync(join(dir, 'out', 'result.svg'), 'utf8'), /Sam Patel/);
    // The declaration (spec §9.9): CSV, JSON marked verified, a printable page.
    assert.match(readFileSync(join(dir, 'out', 'result.csv'), 'utf8'), /Sam Patel,1,0,1,[\d.]+,/);
    const declared = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as {
      verified: boolean;
      electorate: number;
    };
    assert.equal(declared.verified, true);
    assert.ok(declared.electorate > 0);
    assert.match(readFileSync(join(dir, 'out', 'declaration.html'), 'utf8'), /@media print/);
    const verify = await run(['verify', join(dir, 'out', 'record')]);
    assert.equal(verify.code, 0, verify.stdout);
  } finally {
    await server.close();
  }
});
