/**
 * E-mail delivery through a real SMTP server on loopback (spec §14.3): messages sent, a
 * permanently refused address reported as bounced, a deferred one retried, a member without an
 * address left to the post, a re-run that sends nothing twice, and a later bounce read from a DSN.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PrintRow, Roll } from '@scrutineer/protocol';
import { startSmtpSink } from '../../../../test-fixtures/smtp-sink.ts';
import { electionDraft } from '../election-input.ts';
import { latestDeliveries, readDeliveries } from './delivery-log.ts';
import { parseDsn } from './dsn-bounces.ts';
import { recordBounces } from './email-command.ts';
import { sendPackEmails } from './smtp-delivery.ts';

const MEMBERS = [
  { memberId: 'M1', name: 'Ann Jones', email: 'ann@example.org' },
  { memberId: 'M2', name: 'Bob Evans', email: 'nobody@example.org' },
  { memberId: 'M3', name: 'Cai Price', email: 'busy@example.org' },
  { memberId: 'M4', name: 'Dee Hughes', email: null },
];
const roll = { members: MEMBERS } as unknown as Roll;
const rows: PrintRow[] = MEMBERS.map((m, i) => ({
  pack_id: `PK-${i + 1}`,
  member_id: m.memberId,
  code: `AAAA-BBBB-CCCC-DDDD-EEEE-FFF${i + 1}`,
  return_secret: '0'.repeat(32),
}));
const context = {
  election: electionDraft(
    { electionId: 'leader-2026', title: 'Leader 2026', organisation: 'Example Party' },
    null
  ),
  fingerprint: 'ABCD-EFGH-IJKL-MNOP',
  boothUrl: 'https://vote.example.org/',
  contact: 'the Returning Officer, ballot@example.org',
};
/** Quoted-printable soft line breaks undone, so a long line reads as it was written. */
const bodyOf = (raw: string) => raw.replace(/=\r?\n/g, '');

test('packs go by e-mail through a loopback SMTP server: sent, bounced, deferred then sent, no address; a re-run sends nothing twice', async () => {
  const sink = await startSmtpSink({
    bounce: ['nobody@example.org'],
    deferTimes: new Map([['busy@example.org', 1]]),
  });
  const log = join(mkdtempSync(join(tmpdir(), 'scrutineer-email-')), 'email', 'deliveries.csv');
  try {
    const options = {
      rows,
      roll,
      context,
      smtp: sink.url,
      from: 'Ballot <ballot@example.org>',
      log,
      retryDelaysMs: [20],
    };
    const first = await sendPackEmails(options);
    assert.deepEqual(first, { sent: 2, bounced: 1, deferred: 0, 'no-address': 1, skipped: 0 });
    const latest = latestDeliveries(readDeliveries(log));
    assert.equal(latest.get('PK-1')?.status, 'sent');
    assert.equal(latest.get('PK-2')?.status, 'bounced');
    assert.match(latest.get('PK-2')?.detail ?? '', /^550 /);
    assert.equal(latest.get('PK-3')?.status, 'sent');
    assert.equal(sink.attempts.get('busy@example.org'), 2, 'the deferred message was retried once');
    assert.equal(latest.get('PK-4')?.status, 'no-address');

    assert.equal(sink.received.length, 2);
    const ann = sink.received.find((m) => m.to.includes('ann@example.org'));
    assert.ok(ann !== undefined);
    const body = bodyOf(ann.raw);
    assert.match(body, /AAAA-BBBB-CCCC-DDDD-EEEE-FFF1/);
    assert.match(body, /ABCD-EFGH-IJKL-MNOP/);
    assert.match(body, /https:\/\/vote\.example\.org\//);
    assert.doesNotMatch(body, /https?:\/\/\S*AAAA/, 'no link carries the code');
    assert.doesNotMatch(body, /FFF2|FFF3/, "nobody else's code");

    // A re-run (after a crash, say) resumes: nothing already sent, bounced or unaddressable is sent again.
    const again = await sendPackEmails(options);
    assert.deepEqual(again, { sent: 0, bounced: 0, deferred: 0, 'no-address': 0, skipped: 4 });
    assert.equal(sink.received.length, 2);
  } finally {
    await sink.close();
  }
});

test('a message still refused after the last retry stays deferred, and a later run delivers it', async () => {
  const sink = await startSmtpSink({ deferTimes: new Map([['ann@example.org', 2]]) });
  const log = join(mkdtempSync(join(tmpdir(), 'scrutineer-email-')), 'deliveries.csv');
  try {
    const options = {
      rows: rows.slice(0, 1),
      roll,
      context,
      smtp: sink.url,
      from: 'ballot@example.org',
      log,
      retryDelaysMs: [10],
    };
    assert.equal((await sendPackEmails(options)).deferred, 1);
    assert.match(latestDeliveries(readDeliveries(log)).get('PK-1')?.detail ?? '', /^451 /);
    assert.equal((await sendPackEmails(options)).sent, 1);
    assert.equal(sink.received.length, 1);
  } finally {
    await sink.close();
  }
});

const DSN = (address: string, action: string) =>
  [
    'From: MAILER-DAEMON@mx.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    '',
    `Final-Recipient: rfc822; ${address}`,
    `Action: ${action}`,
    'Status: 5.2.2',
    'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
    '',
    '--b1--',
    '',
  ].join('\r\n');

test('a bounce that arrives later (RFC 3464) marks the member bounced and puts them on the postal list', async () => {
  assert.deepEqual(parseDsn(DSN('Ann@Example.org', 'failed')), [
    {
      address: 'ann@example.org',
      action: 'failed',
      status: '5.2.2',
      diagnostic: 'smtp; 552 5.2.2 Mailbox full',
    },
  ]);
  assert.deepEqual(parseDsn('Subject: hello\r\n\r\nnot a report'), []);
  const sink = await startSmtpSink();
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-email-'));
  const log = join(dir, 'deliveries.csv');
  try {
    await sendPackEmails({
      rows: rows.slice(0, 1),
      roll,
      context,
      smtp: sink.url,
      from: 'ballot@example.org',
      log,
    });
    const bounces = join(dir, 'bounces');
    mkdirSync(bounces);
    writeFileSync(join(bounces, '1.eml'), DSN('ann@example.org', 'failed'));
    writeFileSync(join(bounces, '2.eml'), DSN('stranger@example.org', 'failed'));
    writeFileSync(join(bounces, '3.eml'), DSN('ann@example.org', 'delayed'));
    assert.equal(recordBounces(bounces, log, '2026-12-05T23:00:00Z'), 1);
    const ann = latestDeliveries(readDeliveries(log)).get('PK-1');
    assert.equal(ann?.status, 'bounced');
    assert.match(ann?.detail ?? '', /5\.2\.2.*1\.eml/);
    assert.equal(recordBounces(bounces, log, '2026-12-05T23:01:00Z'), 0, 'read once');
  } finally {
    await sink.close();
  }
});
