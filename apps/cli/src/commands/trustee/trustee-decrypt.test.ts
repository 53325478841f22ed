/**
 * Regression tests for F1 (trustees decrypted whatever the server called the tally) and F15 (a
 * record at stage `decrypted` was VALID without any share proof checked), against a real server on
 * loopback with the real trustee client (`postDecryptionShare`, as `trustee decrypt` runs it). The
 * man in the middle is a small loopback HTTP proxy in front of the server: it shows the trustee an
 * `encrypted-tally` made of one voter's ciphertexts, as a dishonest server would to read that vote.
 */
import assert from 'node:assert/strict';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bytesToHex, encodeSchnorrProof, encodeScalar, hexToBytes } from '@scrutineer/crypto';
import {
  type TestElection,
  castHonestBallot,
  createTestElection,
  sessionFor,
} from '@scrutineer/testkit';
import { decryptTally, signTrusteeBody } from '@scrutineer/protocol';
import {
  type Checkpoint,
  type EventBody,
  MerkleAccumulator,
  canonicalize,
  checkpointMessage,
  hashLeaf,
  signStatement,
} from '@scrutineer/record';
import { type RunningServer, hashBearerKey, startServer } from '@scrutineer/server';
import { type VerificationReport, memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import { ApiError, ServerClient } from '../../client/server-client.ts';
import { type AnnouncedCheckpoint, SealedTallyError } from './sealed-tally.ts';
import { type TrusteeContext, postDecryptionShare } from './trustee-actions.ts';
import { TRUSTEE_KEY_FORMAT, type TrusteeKeyFile } from './trustee-key-file.ts';

let server: RunningServer;
let election: TestElection;
/** The checkpoint POST /tally returned: what the officer announces outside the server. */
let announced: AnnouncedCheckpoint;
let tallyPosition: number;
/** A tally of voter 0's ballot alone: decrypting it would reveal that vote. */
let oneVoterTally: EventBody<'encrypted-tally'>;

const ADMIN = (): { token: string } => ({ token: election.adminKey });

before(async () => {
  server = await startServer({
    database: join(mkdtempSync(join(tmpdir(), 'scrutineer-f1-')), 'database'),
    port: 0,
    logger: false,
    operatorKeyHash: hashBearerKey('operator'),
    requestsPerMinute: 1_000_000,
    signInPerMinute: 1_000_000,
    checkpoints: { intervalMs: 0, everyEvents: 1000 },
  });
  election = await createTestElection(server.service, { voters: 3, trustees: 2, threshold: 2 });
  for (const [i, voter] of election.voters.entries()) {
    const cast = await castHonestBallot(
      server,
      election,
      await sessionFor(server, election, voter),
      voter,
      i % 2
    );
    assert.equal(cast.status, 201);
  }
  const officer = new ServerClient(server.url);
  const asOfficer = { params: { electionId: election.electionId }, ...ADMIN() };
  await officer.call('close', asOfficer);
  // A signed checkpoint before the tally, which a share must not bind.
  await officer.call('signCheckpoint', asOfficer);
  const tallied = await officer.call('tally', asOfficer);
  announced = tallied.checkpoint;
  tallyPosition = tallied.position;
  const ballot = (await officer.events(election.electionId)).find((e) => e.type === 'ballot-cast');
  assert.ok(ballot?.type === 'ballot-cast');
  oneVoterTally = {
    ballots: 1,
    contests: ballot.body.ballot.contests.map((c) => ({
      options: c.selections.map((s) => s.ciphertext),
    })),
  };
});

after(() => server.close());

function keyFile(trustee: number): TrusteeKeyFile {
  const group = server.service.group;
  const key = election.trusteeKeys[trustee - 1];
  const share = election.trusteeShares.get(trustee);
  assert.ok(key !== undefined && share !== undefined);
  return {
    format: TRUSTEE_KEY_FORMAT,
    electionId: election.electionId,
    trustee,
    name: `Trustee ${trustee}`,
    secretKey: bytesToHex(encodeScalar(key.secretKey)),
    publicKey: bytesToHex(group.encodePoint(key.publicKey.publicKey)),
    keyProof: bytesToHex(encodeSchnorrProof(group, key.publicKey.proof)),
    secretShare: bytesToHex(encodeScalar(share)),
  };
}

function trusteeContext(url: string): TrusteeContext {
  return {
    client: new ServerClient(url),
    group: server.service.group,
    electionId: election.electionId,
  };
}

/** board.jsonl with the tally line's body replaced (the tally is the last event, so no re-chaining). */
function withFakeTally(board: string): string {
  const lines = board.trimEnd().split('\n');
  const last = JSON.parse(lines.at(-1) as string) as { type: string; body: unknown };
  assert.equal(last.type, 'encrypted-tally');
  lines[lines.length - 1] = canonicalize({ ...last, body: oneVoterTally });
  return `${lines.join('\n')}\n`;
}

/** A checkpoint of `board` signed with the board's own key: the server lying with its key. */
async function boardSignedCheckpoint(board: string): Promise<Checkpoint> {
  const record = await server.service.elections.get(election.electionId);
  const accumulator = new MerkleAccumulator();
  for (const line of board.trimEnd().split('\n'))
    accumulator.append(hashLeaf(new TextEncoder().encode(line)));
  const unsigned = {
    size: accumulator.size,
    root: bytesToHex(accumulator.root()),
    time: '2030-01-01T00:00:00Z',
  };
  const signature = signStatement(
    server.service.group,
    record.manifestHash,
    record.boardSecretKey,
    checkpointMessage(election.electionId, unsigned)
  );
  return { ...unsigned, signature };
}

/**
 * A loopback proxy in front of the server that rewrites what the trustee downloads: the tally in
 * board.jsonl and /events, and (optionally) the checkpoints file.
 */
async function startProxy(
  rewriteCheckpoints?: (text: string) => Promise<string>
): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${server.url}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers: { ...(request.headers as Record<string, string>), host: new URL(server.url).host },
        ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
      });
      let text = await upstream.text();
      const url = request.url ?? '';
      if (url.endsWith('/record/board.jsonl')) text = withFakeTally(text);
      else if (url.endsWith('/record/checkpoints.jsonl') && rewriteCheckpoints !== undefined)
        text = await rewriteCheckpoints(text);
      else if (/\/events\?/.test(url)) {
        const page = JSON.parse(text) as { events: { type: string; body: unknown }[] };
        for (const event of page.events)
          if (event.type === 'encrypted-tally') event.body = oneVoterTally;
        text = JSON.stringify(page);
      }
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      response.end(text);
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}

async function sharesOnBoard(): Promise<number> {
  const events = await new ServerClient(server.url).events(election.electionId);
  return events.filter((e) => e.type === 'decryption-share').length;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SealedTallyError || error instanceof ApiError) return error.code;
    throw error;
  }
  assert.fail('expected a refusal');
}

test('F1: a server that shows the trustee a one-voter tally is refused before any share is computed or posted', async () => {
  const proxy = await startProxy();
  try {
    assert.equal(
      await refusal(postDecryptionShare(trusteeContext(proxy.url), keyFile(1), announced)),
      'trustee/checkpoint-root-mismatch'
    );
  } finally {
    await proxy.close();
  }
  assert.equal(await sharesOnBoard(), 0);
});

test('F1: a server that signs a checkpoint over the one-voter tally is refused by the verifier (V7)', async () => {
  let forged: Checkpoint | undefined;
  const proxy = await startProxy(async (text) => {
    const board = withFakeTally(
      await (
        await fetch(`${server.url}/api/elections/${election.electionId}/record/board.jsonl`)
      ).text()
    );
    forged = await boardSignedCheckpoint(board);
    const lines = text
      .trimEnd()
      .split('\n')
      .filter((l) => (JSON.parse(l) as Checkpoint).size !== forged?.size);
    return `${[...lines, canonicalize(forged)].join('\n')}\n`;
  });
  try {
    // The officer, served by the same lying server, announces the forged checkpoint.
    await fetch(`${proxy.url}/api/elections/${election.electionId}/record/checkpoints.jsonl`);
    assert.ok(forged !== undefined);
    const error = await postDecryptionShare(trusteeContext(proxy.url), keyFile(1), {
      size: forged.size,
      root: forged.root,
    }).catch((e: unknown) => e);
    assert.ok(error instanceof SealedTallyError, String(error));
    assert.equal(error.code, 'trustee/record-invalid');
    assert.match(error.message, /V7\.2/);
  } finally {
    await proxy.close();
  }
  assert.equal(await sharesOnBoard(), 0);
});

test('F1: the board refuses a share bound to another checkpoint or with a bad proof; honest shares go on and verify', async () => {
  const group = server.service.group;
  const client = new ServerClient(server.url);
  const post = (body: unknown): Promise<unknown> =>
    client.call('trusteeMessage', {
      params: { electionId: election.electionId },
      body: { type: 'decryption-share', body: body as Record<string, unknown> },
    });
  const events = await client.events(election.electionId);
  const tally = events.find((e) => e.type === 'encrypted-tally');
  assert.ok(tally?.type === 'encrypted-tally' && tally.position === tallyPosition);
  const key = election.trusteeKeys[1];
  const secret = election.trusteeShares.get(2);
  assert.ok(key !== undefined && secret !== undefined);
  const share = (checkpoint: AnnouncedCheckpoint): EventBody<'decryption-share'> =>
    decryptTally(
      group,
      election.manifest,
      election.setup.baseHash,
      key,
      secret,
      tally.body,
      checkpoint
    );
  const fakeRoot = (
    await boardSignedCheckpoint(
      withFakeTally(await client.recordFile(election.electionId, 'board.jsonl'))
    )
  ).root;
  assert.equal(
    await refusal(post(share({ size: announced.size, root: fakeRoot }))),
    'trustee/unknown-checkpoint'
  );
  const checkpoints = (await client.recordFile(election.electionId, 'checkpoints.jsonl'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Checkpoint);
  const early = checkpoints.find((c) => c.size <= tallyPosition);
  assert.ok(early !== undefined);
  assert.equal(
    await refusal(post(share({ size: early.size, root: early.root }))),
    'trustee/checkpoint-before-tally'
  );
  // A share for the sealed tally whose first Dₗ is moved by G, re-signed by its trustee.
  const honest = share(announced);
  const { signature: _signature, ...unsigned } = structuredClone(honest);
  const first = unsigned.contests[0]?.options[0];
  assert.ok(first !== undefined);
  first.share = bytesToHex(
    group.encodePoint(group.add(group.decodePoint(hexToBytes(first.share)), group.generator))
  );
  const tampered = signTrusteeBody(group, election.manifest, key, 'decryption-share', unsigned);
  assert.equal(await refusal(post(tampered)), 'trustee/invalid-share-proof');
  assert.equal(await sharesOnBoard(), 0);
  // Honest trustees, through the real client, after checking the announced checkpoint.
  await postDecryptionShare(trusteeContext(server.url), keyFile(1), announced);
  // Trustee 2 is given a later checkpoint, whose prefix already holds trustee 1's share.
  const later = await client.call('signCheckpoint', {
    params: { electionId: election.electionId },
    ...ADMIN(),
  });
  assert.ok(later.size > announced.size);
  await postDecryptionShare(trusteeContext(server.url), keyFile(2), later);
  assert.equal(await sharesOnBoard(), 2);
});

async function verifyServedRecord(board: string): Promise<VerificationReport> {
  const client = new ServerClient(server.url);
  return verifyRecord(
    memoryRecordSource({
      format: await client.recordFile(election.electionId, 'format.json'),
      board,
      checkpoints: await client.recordFile(election.electionId, 'checkpoints.jsonl'),
    }),
    { group: server.service.group }
  );
}

test('F15: a record at stage decrypted has its share proofs checked: VALID as served; one share moved is set aside (V8.2 fault) and too few remain (V8.3)', async () => {
  assert.equal(await sharesOnBoard(), 2, 'runs after the shares are posted');
  const group = server.service.group;
  const board = await new ServerClient(server.url).recordFile(election.electionId, 'board.jsonl');
  const honest = await verifyServedRecord(board);
  assert.equal(honest.stage, 'decrypted');
  assert.ok(honest.ok, JSON.stringify(honest.checks.filter((c) => c.status === 'failed')));
  const v82 = honest.checks.find((c) => c.id === 'V8.2');
  assert.equal(v82?.status, 'passed');
  assert.ok((v82?.checked ?? 0) >= 2);
  // The last line is trustee 2's share (no checkpoint covers it yet): move one Dₗ, re-sign it.
  const lines = board.trimEnd().split('\n');
  const last = JSON.parse(lines.at(-1) as string) as {
    type: string;
    body: EventBody<'decryption-share'>;
  };
  assert.equal(last.type, 'decryption-share');
  const { signature: _signature, ...unsigned } = last.body;
  const first = unsigned.contests[0]?.options[0];
  assert.ok(first !== undefined);
  first.share = bytesToHex(
    group.encodePoint(group.add(group.decodePoint(hexToBytes(first.share)), group.generator))
  );
  const key = election.trusteeKeys[unsigned.trustee - 1];
  assert.ok(key !== undefined);
  const body = signTrusteeBody(group, election.manifest, key, 'decryption-share', unsigned);
  lines[lines.length - 1] = canonicalize({ ...last, body });
  const report = await verifyServedRecord(`${lines.join('\n')}\n`);
  assert.equal(report.stage, 'decrypted');
  assert.equal(report.ok, false);
  assert.equal(report.checks.find((c) => c.id === 'V8.3')?.status, 'failed');
  assert.deepEqual(
    report.faults.map((f) => [f.check, f.party.trustee, f.code]),
    [['V8.2', unsigned.trustee, 'decryption/invalid-proof']]
  );
});
