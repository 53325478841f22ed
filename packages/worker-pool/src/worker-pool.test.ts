/**
 * @module The worker pool: requests answered by id on TypeScript workers, spread to the least
 * loaded or sent to a named one, at most `inHand` at a time; an error fails its request alone;
 * a lost worker fails everything from then on, or only its own requests and is replaced; a pool
 * that cannot start says so; closing fails what waits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestRequest } from './worker-pool.helpers.ts';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

const options = (more: Partial<WorkerPoolOptions> = {}): WorkerPoolOptions => ({
  entry: new URL('./worker-pool.helpers.ts', import.meta.url),
  threads: 2,
  name: 'test worker',
  awaitReady: true,
  ...more,
});
const pause = (ms: number): TestRequest => ({ kind: 'thread', pause: ms });
const count = (ids: readonly number[]): number[] =>
  [...new Set(ids)].map((id) => ids.filter((x) => x === id).length).sort();

describe('WorkerPool', () => {
  it('spreads requests over the least-loaded workers, or sends them to the one named', async () => {
    const pool = await WorkerPool.start<TestRequest, number>(options());
    try {
      assert.deepEqual(
        count(await Promise.all([1, 2, 3, 4].map(() => pool.run(pause(50))))),
        [2, 2]
      );
      const first = await pool.run(pause(0), 1);
      const named = await Promise.all([1, 2, 3].map(() => pool.run(pause(20), 1)));
      assert.deepEqual(named, [first, first, first]);
    } finally {
      await pool.close();
    }
  });

  it('holds at most `inHand` requests a worker, in order', async () => {
    const pool = await WorkerPool.start<TestRequest, number>(options({ threads: 1, inHand: 1 }));
    try {
      const done: number[] = [];
      await Promise.all([60, 0, 0].map((ms, k) => pool.run(pause(ms)).then(() => done.push(k))));
      assert.deepEqual(done, [0, 1, 2]);
    } finally {
      await pool.close();
    }
  });

  it('fails a request whose handler throws, and only it', async () => {
    const pool = await WorkerPool.start<TestRequest, number>(options());
    try {
      await assert.rejects(pool.run({ kind: 'throw' }), /^Error: test worker: Error: boom/);
      assert.equal(typeof (await pool.run(pause(0))), 'number');
    } finally {
      await pool.close();
    }
  });

  it('fails every request from a lost worker on, by default', async () => {
    const pool = await WorkerPool.start<TestRequest, number>(options());
    try {
      const slow = pool.run(pause(200), 1);
      await assert.rejects(pool.run({ kind: 'exit' }, 0), /test worker exited with 5/);
      await assert.rejects(slow, /exited with 5/);
      await assert.rejects(pool.run(pause(0)), /exited with 5/);
    } finally {
      await pool.close();
    }
  });

  it('with `replace`, fails only the lost worker’s requests and serves with its successor', async () => {
    const lost: number[] = [];
    const pool = await WorkerPool.start<TestRequest, number>(
      options({ onLoss: 'replace', lost: (index) => lost.push(index) })
    );
    try {
      const other = pool.run(pause(200), 0);
      const before = await pool.run(pause(0), 1);
      await assert.rejects(pool.run({ kind: 'exit' }, 1), /test worker exited with 5/);
      assert.deepEqual(lost, [1]);
      const after = await pool.run(pause(0), 1);
      assert.notEqual(after, before);
      assert.equal(typeof (await other), 'number');
    } finally {
      await pool.close();
    }
  });

  it('refuses to start when a worker fails before it is ready', async () => {
    await assert.rejects(
      WorkerPool.start(options({ onLoss: 'replace', workerData: { failAtStart: true } })),
      /cannot start/
    );
  });

  it('fails what waits when closed, and refuses requests after', async () => {
    const pool = new WorkerPool<TestRequest, number>(options({ threads: 1 }));
    const waiting = assert.rejects(pool.run(pause(1000)), /test worker pool closed/);
    await pool.close();
    await waiting;
    await assert.rejects(pool.run(pause(0)), /closed/);
  });
});
