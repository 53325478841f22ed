/**
 * F9: one trustee cannot make the record invalid. A 2-of-3 ceremony on a real server over HTTP,
 * played with the trustee client code of the CLI (`runTrusteeCeremony`, `postMessage`) and the
 * officer's `publishElectionKey`: trustee 3 tries every bad ceremony message (each refused with its
 * code, the board unchanged), then deals one bad but well-formed share, which trustee 1's complaint
 * convicts. The record verifies VALID at stage keyed, with dealer 3's disqualification attributed.
 */
import type { TrusteeEventType } from '@scrutineer/api-contract';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Group,
  addScalars,
  bytesToHex,
  encodeScalar,
  encryptShare,
  evaluatePolynomial,
  fileComplaint,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import { dealCeremonyShares, signTrusteeBody } from '@scrutineer/protocol';
import {
  type EventBody,
  type Manifest,
  ceremonyParameters,
  decodeSharesBody,
  encodeComplaintBody,
  encodeSharesBody,
  trusteeKeysOf,
} from '@scrutineer/record';
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';
import { memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import { nth } from '@scrutineer/testkit';
import { testDraft } from '../../../test-fixtures/test-manifest.ts';
import { ApiError, ServerClient, pollUntil } from '../../client/server-client.ts';
import { bodiesOf } from '../../client/board-bodies.ts';
import {
  type OfficerContext,
  createElectionOverHttp,
  publishElectionKey,
} from '../election/election-actions.ts';
import { type TrusteeContext, postMessage, runTrusteeCeremony } from './trustee-actions.ts';
import {
  type TrusteeKeyFile,
  createTrusteeKeyFile,
  manifestEntry,
  trusteeKeyPair,
} from './trustee-key-file.ts';

const OPERATOR_KEY = 'operator-key-for-the-f9-test';
const ADMIN_KEY = 'admin-key-for-the-f9-test';
const ELECTION = 'f9-ceremony';

let group: Group;
let server: RunningServer;
let client: ServerClient;
let manifest: Manifest;
let files: TrusteeKeyFile[];
let context: TrusteeContext;

before(async () => {
  group = await loadGroup('sodium');
  server = await startServer({
    database: join(mkdtempSync(join(tmpdir(), 'scrutineer-f9-')), 'database'),
    port: 0,
    logger: false,
    operatorKeyHash: hashBearerKey(OPERATOR_KEY),
    requestsPerMinute: 1_000_000,
    checkpoints: { intervalMs: 0 },
  });
  client = new ServerClient(server.url);
  files = [1, 2, 3].map((i) => createTrusteeKeyFile(group, ELECTION, i, `Trustee ${i}`));
  const created = await createElectionOverHttp(
    client,
    OPERATOR_KEY,
    {
      ...testDraft({ electionId: ELECTION, candidates: ['Alex Morgan', 'Sam Patel'] }),
      trustees: { threshold: 2, members: files.map(manifestEntry) },
      roll: { count: 3, root: '00'.repeat(32) },
      securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
    },
    ADMIN_KEY
  );
  manifest = created.manifest;
  context = { client, group, electionId: ELECTION, timeoutMs: 60_000 };
});
after(() => server.close());

/** Posts through the trustee client and returns the board's refusal code (asserting nothing grew). */
async function refusal(type: TrusteeEventType, body: unknown): Promise<string> {
  const before = (await client.summary(ELECTION)).size;
  const code = await postMessage(context, type, body).then(
    () => 'accepted',
    (error: unknown) => (error instanceof ApiError ? error.code : `unexpected ${String(error)}`)
  );
  assert.equal((await client.summary(ELECTION)).size, before, `${type} changed the board`);
  return code;
}

/** Trustee `index` signs `unsigned` as the real trustee code does. */
function signed<T extends 'trustee-commitments' | 'trustee-shares' | 'trustee-complaint'>(
  index: number,
  type: T,
  unsigned: Omit<EventBody<T>, 'signature'>
): EventBody<T> {
  return signTrusteeBody(
    group,
    manifest,
    trusteeKeyPair(group, nth(files, index - 1)),
    type,
    unsigned
  );
}

const withoutSignature = <T extends { signature: string }>(body: T): Omit<T, 'signature'> => {
  const { signature: _signature, ...unsigned } = body;
  return unsigned;
};

// Trustee 3's dealing, kept for the tests that follow one another (node:test runs them in order).
let dealt: ReturnType<typeof dealCeremonyShares>;

test('F9: the board refuses commitments whose proof fails, of the wrong count or with O', async () => {
  dealt = dealCeremonyShares(group, manifest, trusteeKeyPair(group, nth(files, 2)));
  const honest = withoutSignature(dealt.commitments);
  const badProof = { ...honest, proof: honest.proof.slice(0, -64) + '00'.repeat(31) + '01' };
  assert.equal(
    await refusal('trustee-commitments', signed(3, 'trustee-commitments', badProof)),
    'ceremony/invalid-commitments'
  );
  const short = { ...honest, commitments: honest.commitments.slice(0, 1) };
  assert.equal(
    await refusal('trustee-commitments', signed(3, 'trustee-commitments', short)),
    'ceremony/invalid-commitments'
  );
  const identity = { ...honest, commitments: [nth(honest.commitments, 0), '00'.repeat(32)] };
  assert.equal(
    await refusal('trustee-commitments', signed(3, 'trustee-commitments', identity)),
    'ceremony/invalid-commitments'
  );
});

test('F9: the board refuses a second commitments message from the same trustee', async () => {
  await postMessage(context, 'trustee-commitments', dealt.commitments);
  assert.equal(
    await refusal('trustee-commitments', dealt.commitments),
    'trustee/duplicate-message'
  );
});

test('F9: the board refuses a malformed share message (missing, self-addressed, repeated, undecodable)', async () => {
  const honest = withoutSignature(dealt.shares);
  const [first, second] = honest.shares as [(typeof honest.shares)[0], (typeof honest.shares)[0]];
  const variants = [
    { ...honest, shares: [first] },
    { ...honest, shares: [first, { ...second, recipient: 3 }] },
    { ...honest, shares: [first, first, second] },
    { ...honest, shares: [first, { ...second, ephemeral: 'ff'.repeat(32) }] },
  ];
  for (const variant of variants)
    assert.equal(
      await refusal('trustee-shares', signed(3, 'trustee-shares', variant)),
      'ceremony/invalid-shares',
      JSON.stringify(variant.shares.map((s) => s.recipient))
    );
});

test('F9: a dealer may post one well-formed share message, bad share included, and no second', async () => {
  // Dealer 3 encrypts a wrong share for trustee 1: well-formed, so the board cannot tell (§7.4).
  const parameters = ceremonyParameters(manifest);
  const recipientKey = nth(trusteeKeysOf(group, manifest), 0);
  const bad = addScalars(evaluatePolynomial(dealt.dealing.polynomial, 1), 1n);
  const shares = dealt.dealing.encryptedShares.map((s) =>
    s.recipient === 1 ? encryptShare(group, parameters, s, recipientKey.publicKey, bad) : s
  );
  const body = signed(3, 'trustee-shares', encodeSharesBody(group, 3, shares));
  await postMessage(context, 'trustee-shares', body);
  assert.equal(await refusal('trustee-shares', body), 'trustee/duplicate-message');
});

test('F9: the board refuses a complaint whose proof fails or that names no published share', async () => {
  const key = trusteeKeyPair(group, nth(files, 1));
  const parameters = ceremonyParameters(manifest);
  const events = await client.events(ELECTION);
  const fromDealer3 = decodeSharesBody(group, nth(bodiesOf(events, 'trustee-shares'), 0));
  const mine = nth(
    fromDealer3.filter((s) => s.recipient === 2),
    0
  );
  const complaint = encodeComplaintBody(
    group,
    fileComplaint(group, parameters, key.secretKey, key.publicKey, mine)
  );
  const falseProof = {
    ...complaint,
    proof: complaint.proof.slice(0, -64) + bytesToHex(encodeScalar(randomScalar())),
  };
  assert.equal(
    await refusal('trustee-complaint', signed(2, 'trustee-complaint', falseProof)),
    'ceremony/complaint-proof-invalid'
  );
  // Dealer 1 has published no share yet: nothing to complain about.
  assert.equal(
    await refusal('trustee-complaint', signed(2, 'trustee-complaint', { ...complaint, dealer: 1 })),
    'ceremony/complaint-without-share'
  );
  assert.equal(
    await refusal('trustee-complaint', signed(2, 'trustee-complaint', { ...complaint, dealer: 2 })),
    'ceremony/complaint-without-share'
  );
  // A proven complaint about a good share is a legitimate (if false) accusation: accepted once,
  // and §7.5 later holds it against its author.
  await postMessage(context, 'trustee-complaint', signed(2, 'trustee-complaint', complaint));
  assert.equal(
    await refusal('trustee-complaint', signed(2, 'trustee-complaint', complaint)),
    'trustee/duplicate-message'
  );
});

test('F9: a dealer convicted by a complaint is an attributed fault; the record verifies VALID', async () => {
  const trustees = [1, 2].map((i) => runTrusteeCeremony(context, nth(files, i - 1)));
  // Trustee 1 finds dealer 3's share bad and complains before the officer concludes.
  await pollUntil(
    "trustee 1's complaint",
    async () =>
      bodiesOf(await client.events(ELECTION), 'trustee-complaint').some(
        (c) => c.trustee === 1 && c.dealer === 3
      ) || undefined,
    { timeoutMs: 60_000 }
  );
  const officer: OfficerContext = { client, group, electionId: ELECTION, adminKey: ADMIN_KEY };
  const electionKey = await publishElectionKey(officer, { complaintWaitMs: 0 });
  const done = await Promise.all(trustees);
  assert.deepEqual(
    done.map((d) => [d.complaints, d.electionKey]),
    [
      [1, electionKey],
      [0, electionKey],
    ]
  );
  const events = await client.events(ELECTION);
  assert.deepEqual(bodiesOf(events, 'election-key')[0]?.qualified, [1, 2]);

  const report = await verifyRecord(
    memoryRecordSource({
      format: await client.recordFile(ELECTION, 'format.json'),
      board: await client.recordFile(ELECTION, 'board.jsonl'),
      checkpoints: await client.recordFile(ELECTION, 'checkpoints.jsonl'),
    }),
    { group }
  );
  const failed = report.checks.filter((c) => c.status === 'failed');
  assert.deepEqual(failed, [], JSON.stringify(failed));
  assert.equal(report.ok, true);
  assert.equal(report.stage, 'keyed');
  const complaintAt = (trustee: number) =>
    events.find((e) => e.type === 'trustee-complaint' && e.body.trustee === trustee)?.position;
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code, f.position]),
    [
      ['V3.3', 3, 'ceremony/share-inconsistent', complaintAt(1)],
      ['V3.3', 2, 'ceremony/complaint-unjustified', complaintAt(2)],
    ]
  );
});
