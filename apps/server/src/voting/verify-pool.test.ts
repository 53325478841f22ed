/**
 * @module The cast path's verification pool: ballots that arrive while a worker is busy (or in
 * the same tick) travel as one batch of at most MAX_BATCH, each ballot gets its own verdict, a
 * worker that dies fails only its pending ballots and is replaced; and the real worker gives the
 * verdicts `verifyBallotAlone` gives inline.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GROUP_ORDER,
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
  loadFastestGroup,
} from '@scrutineer/crypto';
import { type Ballot, parseManifest } from '@scrutineer/record';
import { prepareBallotContext, verifyBallotAlone } from '@scrutineer/verifier';
import { MAX_BATCH, VerifyPool, type VerifyContextData } from './verify-pool.ts';

/**
 * A stand-in worker: answers each batch after 200 ms, "bad" ballots with a fault naming their
 * batch's size, and exits 100 ms into a batch holding "crash" (as a crashed thread does). The
 * delays leave the tests' 5 ms pauses a wide margin on a loaded machine.
 */
const FAKE_WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from 'node:worker_threads';
    parentPort.on('message', ({ id, request: items }) => {
      if (items.some((item) => item.ballot === 'crash')) setTimeout(() => process.exit(3), 100);
      else setTimeout(() => parentPort.postMessage({
        id,
        result: items.map((item) => item.ballot === 'bad'
          ? { id: item.id, ok: false, fault: { check: 'V5.4', message: 'size ' + items.length } }
          : { id: item.id, ok: true }),
      }), 200);
    });
    parentPort.postMessage({ ready: true });
  `)}`
);
const NO_CONTEXT: VerifyContextData = {
  manifest: {} as never,
  electionKeyHex: '',
  baseHashHex: '',
};

describe('VerifyPool batching (stand-in worker)', async () => {
  const pool = await VerifyPool.start(1, 'sodium', FAKE_WORKER);
  after(() => pool.close());
  const verify = (ballot: string): ReturnType<VerifyPool['verify']> =>
    pool.verify('election', NO_CONTEXT, ballot);
  const batchesDuring = async (run: () => Promise<unknown>): Promise<number> => {
    const before = pool.stats.batches;
    await run();
    return pool.stats.batches - before;
  };

  it('sends a lone ballot at once, and the ballots of one tick together', async () => {
    assert.equal(await batchesDuring(() => verify('good')), 1);
    const verdicts = await Promise.all(['good', 'bad', 'good'].map(verify));
    assert.deepEqual(verdicts, [
      { ok: true },
      { ok: false, fault: { check: 'V5.4', message: 'size 3' } },
      { ok: true },
    ]);
  });

  it('gathers the ballots that arrive while the worker is busy into the next batch', async () => {
    const batches = await batchesDuring(async () => {
      const first = verify('good');
      await sleep(5); // the first batch is in the worker now
      const later = ['good', 'bad', 'good', 'good'].map(verify);
      await sleep(5);
      const last = verify('bad');
      const verdicts = await Promise.all([first, ...later, last]);
      assert.deepEqual(
        verdicts.map((v) => (v.ok ? 'ok' : v.fault.message)),
        ['ok', 'ok', 'size 5', 'ok', 'ok', 'size 5']
      );
    });
    assert.equal(batches, 2);
  });

  it(`bounds a batch at ${MAX_BATCH} ballots`, async () => {
    const count = 2 * MAX_BATCH + 3;
    const verdicts = await Promise.all(Array.from({ length: count }, () => verify('bad')));
    assert.deepEqual(
      verdicts.map((v) => (v.ok ? 'ok' : v.fault.message)),
      [
        ...Array<string>(2 * MAX_BATCH).fill(`size ${MAX_BATCH}`),
        ...Array<string>(3).fill('size 3'),
      ]
    );
  });

  it('fails a batch it cannot send without failing the process or the next batch', async () => {
    await assert.rejects(
      pool.verify('election', NO_CONTEXT, () => 'a function'),
      /cloned/
    );
    assert.deepEqual(await verify('good'), { ok: true });
  });

  it('fails the pending ballots of a worker that dies, then serves with its replacement', async () => {
    const sent = verify('crash');
    await sleep(5);
    const queued = verify('good'); // waits behind the batch that kills the worker
    await assert.rejects(sent, /verify worker exited with 3/);
    await assert.rejects(queued, /verify worker exited with 3/);
    assert.deepEqual(await verify('good'), { ok: true });
  });
});

const board = readFileSync(
  new URL('../../../../packages/verifier/fixtures/valid-small/record/board.jsonl', import.meta.url),
  'utf8'
)
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as { type: string; body: Record<string, unknown> });
const bodyOf = (type: string): Record<string, unknown> => {
  const event = board.find((e) => e.type === type);
  assert.ok(event, type);
  return event.body;
};
const manifest = parseManifest(bodyOf('election-setup'));
assert.ok(manifest.ok);
const contextData: VerifyContextData = {
  manifest: manifest.value,
  electionKeyHex: bodyOf('election-key').publicKey as string,
  baseHashHex: bodyOf('election-open').baseHash as string,
};
const ballots = board.filter((e) => e.type === 'ballot-cast').map((e) => e.body.ballot as Ballot);

/** The ballot with its signature response z replaced by z + 1: it decodes, its equation fails. */
function withWrongResponse(ballot: Ballot): Ballot {
  const signature = hexToBytes(ballot.signature);
  const z = decodeScalar(signature.subarray(32));
  signature.set(encodeScalar((z + 1n) % GROUP_ORDER), 32);
  return { ...ballot, signature: bytesToHex(signature) };
}

describe('VerifyPool with the real worker', async () => {
  const group = await loadFastestGroup();
  const pool = await VerifyPool.start(1, group.backend);
  after(() => pool.close());
  const context = prepareBallotContext(group, contextData);

  it('gives each ballot of a batch the verdict verifyBallotAlone gives inline', async () => {
    const batch = Array.from({ length: 11 }, (_, k) => {
      const ballot = ballots[k % ballots.length] as Ballot;
      if (k === 4) return withWrongResponse(ballot);
      if (k === 7) return { ...ballot, credential: 'ff'.repeat(32) };
      return ballot;
    });
    const verdicts = await Promise.all(batch.map((b) => pool.verify('e1', contextData, b)));
    const inline = batch.map((ballot) => {
      const verdict = verifyBallotAlone(context, ballot);
      return verdict.ok ? { ok: true } : verdict;
    });
    assert.deepEqual(verdicts, inline);
    assert.deepEqual(
      verdicts.map((v) => (v.ok ? 'ok' : v.fault.check)),
      ['ok', 'ok', 'ok', 'ok', 'V5.4', 'ok', 'ok', 'V5.4', 'ok', 'ok', 'ok']
    );
  });
});
