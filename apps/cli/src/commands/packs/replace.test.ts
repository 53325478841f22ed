/**
 * Replacement packs through the real commands against a running server (spec §9.2.7, §9.5): the
 * registrar's key, the manifest's `replacements`, `packs replace` and `election replace`. The
 * review's attack (F4) — the officer alone revokes an unused credential and votes with a key of
 * their own making — is refused; the registrar's replacement is posted, counted and verified.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGroup, randomScalar } from '@scrutineer/crypto';
import { formatAnswers, memberAnswers } from '@scrutineer/protocol';
import { signReplacementApproval } from '@scrutineer/record';
import {
  electionCreate,
  startCommandServer,
  manifestInstant,
  trusteeKeygen,
  writeCommittedRoll,
} from '../../../test-fixtures/command-election.ts';
import { testDraft } from '../../../test-fixtures/test-manifest.ts';
import { codeFile } from '../../../test-fixtures/code-file.ts';
import { ServerClient } from '../../client/server-client.ts';
import { noticeLetterParagraphs } from '../../pdf/notice-letter.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';
import { readAnswersFile, readPackRegister, readPrintFile } from './pack-files.ts';
import {
  type ReplacementRequestFile,
  readRegister,
  readReplacementRequest,
  replacementPaths,
  writeReplacementRequest,
} from './replacement-files.ts';
import { cliRunner } from '../../../test-fixtures/cli-process.ts';
import { startSmtpSink } from '../../../test-fixtures/smtp-sink.ts';

const OPERATOR_KEY = 'operator-key-for-the-replace-test';
const ADMIN_KEY = 'admin-key-for-the-replace-test';
const { run, ok } = cliRunner({ operatorKey: OPERATOR_KEY, adminKey: ADMIN_KEY });

test('F4: the officer alone cannot replace a pack; the registrar issues one (e-mailed to the roll address), the officer posts it, the old code is revoked, the limit holds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-replace-'));
  const server = await startCommandServer(dir, OPERATOR_KEY);
  try {
    const url = server.url;
    const id = 'replace-test';
    const common = ['--server', url, '--election', id];
    await ok(trusteeKeygen(id, 1, join(dir, 't1.json')));
    const registrarKey = join(dir, 'registrar', 'approval.json');
    const made = await ok([
      'packs',
      'approval-key',
      '--election',
      id,
      '--out',
      registrarKey,
      '--limit',
      '1',
      '--stops-before-close',
      '3600',
    ]);
    assert.equal(statSync(registrarKey).mode & 0o777, 0o600);
    const rules = readJsonFile(join(dir, 'registrar', 'approval.public.json')) as {
      approverKey: string;
    };
    assert.ok(made.includes(rules.approverKey));
    assert.deepEqual(rules, { approverKey: rules.approverKey, limit: 1, stopsBeforeClose: 3600 });
    const again = await run([
      'packs',
      'approval-key',
      '--election',
      id,
      '--out',
      registrarKey,
      '--limit',
      '1',
    ]);
    assert.notEqual(again.code, 0, 'a key file is never overwritten');

    const roll = writeCommittedRoll(dir, 8, 'replace');
    writeJsonFile(join(dir, 'draft.json'), {
      ...testDraft({
        electionId: id,
        candidates: ['Alex Morgan', 'Sam Patel'],
        window: {
          opens: manifestInstant(Date.now() - 60_000),
          closes: manifestInstant(Date.now() + 86_400_000),
        },
      }),
      trustees: { threshold: 1 },
      securityQuestions: [
        { id: 'dob', label: 'Date of birth' },
        { id: 'postcode', label: 'Postcode' },
      ],
    });
    const manifestPath = join(dir, 'manifest.json');
    await ok(
      electionCreate(
        url,
        dir,
        [join(dir, 't1.public.json')],
        ['--replacements', join(dir, 'registrar', 'approval.public.json')]
      )
    );
    await Promise.all([
      ok(['trustee', 'ceremony', '--server', url, '--key', join(dir, 't1.json')]),
      ok(['election', 'key', ...common, '--complaint-wait', '1']),
    ]);
    const packsDir = join(dir, 'packs');
    await ok([
      'packs',
      'generate',
      '--roll',
      join(dir, 'roll.json'),
      '--references',
      join(dir, 'references.json'),
      '--election',
      manifestPath,
      '--out',
      packsDir,
      '--approval-key',
      registrarKey,
      '--no-pdf',
      '--argon2-memory',
      '256',
      '--argon2-iterations',
      '1',
    ]);
    await ok(['election', 'open', ...common, '--answers', join(packsDir, 'answers.json')]);
    const client = new ServerClient(url);
    const baseHash = (await client.summary(id)).baseHash;
    assert.ok(baseHash !== null);
    // The printer's file holds no answers: each member knows their own (from the roll here).
    const answersOf = (memberId: string): string => {
      const rollMember = roll.members.find((m) => m.memberId === memberId);
      assert.ok(rollMember !== undefined);
      return formatAnswers(['dob', 'postcode'], memberAnswers(rollMember, ['dob', 'postcode']));
    };
    const rows = readPrintFile(join(packsDir, 'print', 'packs.csv'));
    const [member, other] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const sizeBefore = (await client.summary(id)).size;

    // The attack: the officer's own "approval" key does not get past the registrar's tool …
    const officerKey = join(dir, 'officer', 'approval.json');
    await ok(['packs', 'approval-key', '--election', id, '--out', officerKey, '--limit', '99']);
    const replaceArgs = (key: string, who: string, reason: string) => [
      'packs',
      'replace',
      '--dir',
      packsDir,
      '--roll',
      join(dir, 'roll.json'),
      '--references',
      join(dir, 'references.json'),
      '--election',
      manifestPath,
      '--member-id',
      who,
      '--reason',
      reason,
      '--approval-key',
      key,
      '--contact',
      'the Registrar, 0113 496 0000',
      '--server',
      url,
    ];
    const refusedTool = await run(replaceArgs(officerKey, member.member_id, 'lost'));
    assert.notEqual(refusedTool.code, 0);
    assert.match(refusedTool.stderr, /approverKey/);
    // … nor past the board: a request the officer signs with a key of their own is refused.
    const group = await loadGroup('sodium');
    const answers = readAnswersFile(join(packsDir, 'answers.json'));
    // The registrar's own register names the pack's credential (the board holds no pack ids).
    const victimKey = readPackRegister(join(packsDir, 'registrar', 'packs.csv')).find(
      (e) => e.pack_id === member.pack_id
    )?.credential;
    const victim = answers.entries.find((e) => e.key === victimKey);
    assert.ok(victim !== undefined);
    const forgedKey = group.encodePoint(group.multiplyBase(randomScalar()));
    const forgedReturn = Buffer.from(randomBytes(32)).toString('hex');
    const unsigned = {
      revoked: victim.key,
      replacement: Buffer.from(forgedKey).toString('hex'),
      return: forgedReturn,
      reason: 'lost' as const,
    };
    const forged: ReplacementRequestFile = {
      format: 'scrutineer/replacement/v1',
      electionId: id,
      revoke: victim.key,
      replacement: {
        key: unsigned.replacement,
        answersHash: victim.answersHash,
        returnCommitment: forgedReturn,
      },
      reason: 'lost',
      approval: signReplacementApproval(group, baseHash, randomScalar(), unsigned),
      issued: manifestInstant(Date.now()),
    };
    writeReplacementRequest(join(dir, 'forged.json'), forged);
    const refusedBoard = await run([
      'election',
      'replace',
      ...common,
      '--request',
      join(dir, 'forged.json'),
    ]);
    assert.notEqual(refusedBoard.code, 0);
    assert.match(refusedBoard.stderr, /replacement\/invalid-approval/);
    assert.equal((await client.summary(id)).size, sizeBefore);

    // The registrar issues a replacement and e-mails the new code to the member's address on
    // the roll (through a real SMTP server on loopback); the officer posts it.
    const sink = await startSmtpSink();
    const issued = await ok([
      ...replaceArgs(registrarKey, member.member_id, 'lost'),
      '--smtp',
      sink.url,
      '--from',
      'Registrar <registrar@example.org>',
      '--booth-url',
      'https://vote.example.org/',
    ]);
    await sink.close();
    const rollAddress = roll.members.find((m) => m.memberId === member.member_id)?.email;
    assert.ok(typeof rollAddress === 'string');
    assert.deepEqual(
      sink.received.map((m) => m.to),
      [[rollAddress.toLowerCase()]]
    );
    assert.match(issued, /E-mailed the new code/);
    const register = readRegister(join(packsDir, 'replacements.csv'));
    assert.equal(register.length, 1);
    const packId = register[0]?.pack_id ?? '';
    const paths = replacementPaths(packsDir, packId);
    assert.ok(issued.includes(paths.request));
    const request = readReplacementRequest(paths.request, id);
    assert.equal(request.revoke, victim.key);
    assert.equal(readFileSync(paths.notice).subarray(0, 5).toString(), '%PDF-');
    assert.equal(
      readFileSync(join(paths.pdfDirectory, 'packs-0001.pdf')).subarray(0, 5).toString(),
      '%PDF-'
    );
    await ok(['election', 'replace', ...common, '--request', paths.request]);
    const oldVote = await run([
      'vote',
      ...common,
      '--code-file',
      codeFile(member.code, answersOf(member.member_id)),
      '--choice',
      '1',
    ]);
    assert.notEqual(oldVote.code, 0);
    assert.match(oldVote.stderr, /credential-revoked/);
    const fresh = readPrintFile(paths.print)[0];
    assert.ok(fresh !== undefined && fresh.member_id === member.member_id);
    // The member votes with the code the e-mail brought, which is the new pack's.
    const mailed = sink.received[0]?.raw.replace(/=\r?\n/g, '') ?? '';
    assert.match(mailed, /Your new voting code/);
    assert.ok(mailed.includes(fresh.code), 'the e-mail carries the new code');
    assert.ok(!mailed.includes(member.code), 'and not the revoked one');
    await ok([
      'vote',
      ...common,
      '--code-file',
      codeFile(fresh.code, answersOf(fresh.member_id)),
      '--choice',
      '2',
    ]);

    // Self-service: members write to the registrar's reissue address; a sender on the roll gets
    // a replacement at their roll address, a stranger and a repeat get nothing.
    const otherAddress = roll.members.find((m) => m.memberId === other.member_id)?.email;
    assert.ok(typeof otherAddress === 'string');
    const requests = join(dir, 'reissue-requests');
    mkdirSync(requests);
    const mail = (from: string) =>
      `From: ${from}\r\nSubject: new code please\r\n\r\nI lost it.\r\n`;
    writeFileSync(join(requests, '1.eml'), mail(`Member <${otherAddress.toUpperCase()}>`));
    writeFileSync(join(requests, '2.eml'), mail('someone@elsewhere.example'));
    writeFileSync(join(requests, '3.eml'), mail(otherAddress));
    const sink2 = await startSmtpSink();
    const reissueArgs = [
      ...replaceArgs(registrarKey, other.member_id, 'not-received').filter(
        (_, i, all) => all[i] !== '--member-id' && all[i - 1] !== '--member-id'
      ),
      '--requests',
      requests,
      '--smtp',
      sink2.url,
      '--from',
      'registrar@example.org',
      '--booth-url',
      'https://vote.example.org/',
    ];
    const reissued = await ok(reissueArgs);
    assert.match(reissued, /2\.eml: unknown-sender/);
    assert.match(reissued, /3\.eml: repeat/);
    assert.deepEqual(
      sink2.received.map((m) => m.to),
      [[otherAddress.toLowerCase()]]
    );
    assert.equal((await ok(reissueArgs)).trim(), '', 'each request is handled once');
    await sink2.close();
    // The manifest's limit is 1: a second approved replacement is refused by the board.
    const second = readRegister(join(packsDir, 'replacements.csv'))[1];
    assert.ok(second !== undefined && second.member_id === other.member_id);
    const overLimit = await run([
      'election',
      'replace',
      ...common,
      '--request',
      replacementPaths(packsDir, second.pack_id).request,
    ]);
    assert.notEqual(overLimit.code, 0);
    assert.match(overLimit.stderr, /replacement\/limit-reached/);
    const summary = await client.summary(id);
    assert.deepEqual(summary.replacements, {
      total: 1,
      byReason: { lost: 1, damaged: 0, 'not-received': 0, 'locked-out': 0, compromised: 0 },
    });
    const published = await ok(['election', 'publish', ...common, '--out', join(dir, 'out')]);
    assert.match(published, /VERIFIED/);
  } finally {
    await server.close();
  }
});

test('the notice letter says what was issued, when, why, and whom to contact', () => {
  const paragraphs = noticeLetterParagraphs({
    organisation: 'Example Party',
    electionTitle: 'Leader 2026',
    name: 'Ann Example',
    addressLines: ['1 High Street', 'Leeds', 'LS1 4AP'],
    issued: '2026-11-03T10:15:00Z',
    reason: 'not-received',
    revokedPackId: 'PK-OLD',
    replacementPackId: 'PK-NEW',
    contact: 'the Registrar, 0113 496 0000',
    closes: '2026-11-08T17:00:00Z',
  }).join('\n');
  for (const expected of [
    'Dear Ann Example',
    'On 2026-11-03',
    'reported not received',
    'PK-OLD',
    'PK-NEW',
    'If you did not ask for a replacement',
    'the Registrar, 0113 496 0000',
    '2026-11-08T17:00:00Z',
  ])
    assert.ok(paragraphs.includes(expected), expected);
});
