/**
 * A server that lies about its board, simulated by a loopback proxy in front of a real server
 * (PGlite in memory, an election set up by trustees and officer as the real board admits it):
 * the CLI vote client and `packs generate` recompute the election key from the trustees'
 * ceremony and check receipts against the manifest's board key, so neither lie gets through.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  bytesToHex,
  deriveCredentialKey,
  formatVotingCode,
  generateVotingCode,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import { simulatedManifest, runTestCeremony } from '@scrutineer/testkit';
import { buildRoll, createCeremonyKey } from '@scrutineer/protocol';
import {
  type Receipt,
  computeBaseHash,
  electionFingerprint,
  manifestHash,
  receiptMessage,
  signStatement,
} from '@scrutineer/record';
import {
  type RunningServer,
  createElection,
  hashBearerKey,
  loadCredentials,
  openElection,
  openPgliteDatabase,
  startServer,
} from '@scrutineer/server';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import { type Rewrite, startRewritingProxy } from '../../test-fixtures/rewriting-proxy.ts';
import { makeSyntheticRoll } from '../../test-fixtures/synthetic-roll.ts';
import { electionDraft } from '../commands/packs/election-input.ts';
import { generatePackFiles } from '../commands/packs/generate.ts';
import { commitRollMembers } from '../commands/roll/commit.ts';
import { parseCsvText } from '../commands/roll/csv-file.ts';
import { ServerClient } from './server-client.ts';
import { castVote } from './vote-client.ts';

const group = await loadGroup('sodium');
const CHEAP_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };
let server: RunningServer;
let closeDatabase: () => Promise<void>;
const electionId = `e-${randomBytes(5).toString('hex')}`;
const voters = [0, 1, 2].map((i) => ({
  code: generateVotingCode(),
  answers: { dob: `1970-01-1${i}`, postcode: `CF${i} 1AA` },
}));
let opening: { credentialListHash: string; credentialCount: number; manifestHash: string };

before(async () => {
  const database = await openPgliteDatabase();
  closeDatabase = () => database.close();
  server = await startServer({
    database,
    port: 0,
    logger: false,
    group,
    checkpoints: { intervalMs: 0, everyEvents: 1000 },
  });
  const trusteeKeys = [1, 2].map((i) => createCeremonyKey(group, electionId, i));
  const { board: _board, ...draft } = simulatedManifest(group, {
    electionId,
    contests: [
      { id: 'leader', title: 'Leader', minSelections: 1, maxSelections: 1, candidates: ['A', 'B'] },
    ],
    trusteeKeys,
    threshold: 2,
    boardPublicKey: group.generator,
    voters: voters.length,
    policy: 'first-ballot-final',
    // Online only: these members get no return slips (spec §9.5.3).
    channels: { online: true, postal: false },
    start: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const { service } = server;
  const { manifest } = await createElection(service, { draft, adminKeyHash: hashBearerKey('x') });
  await runTestCeremony(service, manifest, trusteeKeys);
  const entries = await Promise.all(
    voters.map(async (v, i) => ({
      key: bytesToHex(group.encodePoint(deriveCredentialKey(group, electionId, v.code).publicKey)),
      answersHash: await hashSecurityAnswers(['dob', 'postcode'], v.answers, CHEAP_ARGON2),
      packId: `pack-${i}`,
    }))
  );
  await loadCredentials(service, electionId, entries);
  const opened = await openElection(service, electionId);
  opening = { ...opened, manifestHash: manifestHash(manifest) };
});

after(async () => {
  await server?.close();
  await closeDatabase?.();
});

const summaryPath = () => `/api/elections/${electionId}`;
const eventsPath = () => `/api/elections/${electionId}/events?`;

/**
 * The officer's own key K* = x*·G served in place of the ceremony's, with a base hash, summary and
 * fingerprint consistent with it: every cross-check of key, summary and base hash agrees.
 */
function ownKeyRewrite(): Rewrite {
  const forged = bytesToHex(group.encodePoint(group.multiplyBase(randomScalar())));
  const baseHash = computeBaseHash({ ...opening, electionKey: forged });
  return ({ method, path }, body) => {
    if (method !== 'GET') return undefined;
    if (path === summaryPath())
      return {
        ...(body as object),
        electionKey: forged,
        baseHash,
        fingerprint: electionFingerprint(baseHash),
      };
    if (!path.startsWith(eventsPath())) return undefined;
    const page = body as { events: { type: string; body: Record<string, unknown> }[] };
    return {
      ...page,
      events: page.events.map((event) =>
        event.type === 'election-key'
          ? { ...event, body: { ...event.body, publicKey: forged } }
          : event.type === 'election-open'
            ? { ...event, body: { ...event.body, baseHash } }
            : event
      ),
    };
  };
}

const vote = (url: string, index: number) => {
  const voter = voters[index];
  assert.ok(voter !== undefined);
  return castVote({
    server: url,
    electionId,
    code: formatVotingCode(voter.code),
    answers: voter.answers,
    choices: ['1'],
    group,
  });
};

test('F2: the CLI vote client refuses to encrypt under a key that does not follow from the ceremony', async () => {
  const proxy = await startRewritingProxy(server.url, ownKeyRewrite());
  try {
    const before = await new ServerClient(server.url).summary(electionId);
    const outcome = await vote(proxy.url, 0);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.ok ? '' : outcome.code, 'client/key-not-from-ceremony');
    assert.match(outcome.ok ? '' : outcome.message, /does not follow from the trustees' ceremony/);
    const after = await new ServerClient(server.url).summary(electionId);
    assert.equal(after.size, before.size, 'nothing reached the board');
  } finally {
    await proxy.close();
  }
});

test('F2: packs generate refuses to print a fingerprint from a key that does not follow from the ceremony', async () => {
  const proxy = await startRewritingProxy(server.url, ownKeyRewrite());
  const synthetic = makeSyntheticRoll({ members: 5, seed: 'lying-server' });
  const built = buildRoll(parseCsvText(synthetic.csv), synthetic.rules);
  assert.ok(built.ok);
  const { references } = commitRollMembers(built.value);
  const packs = (fingerprintServer: string) => {
    const outDir = mkdtempSync(join(tmpdir(), 'scrutineer-lying-'));
    return {
      outDir,
      run: generatePackFiles({
        roll: built.value,
        references,
        election: electionDraft({ electionId }, null),
        outDir,
        group,
        answers: { hasher: () => Promise.resolve('unused') },
        fingerprint: { board: new ServerClient(fingerprintServer) },
        pdf: false,
      }),
    };
  };
  try {
    const lied = packs(proxy.url);
    await assert.rejects(lied.run, /does not follow from the trustees' ceremony/);
    assert.deepEqual(readdirSync(lied.outDir), [], 'nothing generated');
    // The same run against the honest board prints the fingerprint of the ceremony's key.
    const honest = packs(server.url);
    const generated = await honest.run;
    assert.match(generated.fingerprint ?? '', /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  } finally {
    await proxy.close();
  }
});

test("F16: a receipt signed by a board key the server states in its summary, not the manifest's, is refused", async () => {
  const secret = randomScalar();
  const ownBoardKey = bytesToHex(group.encodePoint(group.multiplyBase(secret)));
  const proxy = await startRewritingProxy(server.url, ({ method, path }, body) => {
    if (method === 'GET' && path === summaryPath())
      return { ...(body as object), boardPublicKey: ownBoardKey };
    if (method !== 'POST' || path !== `${summaryPath()}/ballots`) return undefined;
    const { signature: _signature, ...unsigned } = body as Receipt;
    const message = receiptMessage(unsigned);
    return { ...unsigned, signature: signStatement(group, opening.manifestHash, secret, message) };
  });
  try {
    const outcome = await vote(proxy.url, 1);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.ok ? '' : outcome.code, 'client/bad-receipt');
    // Through the honest server the same client accepts the board's own receipt.
    const honest = await vote(server.url, 2);
    assert.equal(honest.ok, true, JSON.stringify(honest));
  } finally {
    await proxy.close();
  }
});
