/**
 * @module Test helper: the one server a suite's tests share, started by a `before` hook on a
 * fresh database of the engine and closed by an `after` hook. Call it inside the suite that
 * `forEachEngine` (test-databases.ts) registers; the getter it returns works from the first test on.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { RunningServer, ServerOptions } from '@scrutineer/server';
import type { TestEngine } from './test-databases.ts';
import { startTestServer } from './test-election.ts';

export function suiteServer(
  engine: TestEngine,
  options: Partial<ServerOptions> = {}
): () => RunningServer {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startTestServer(await engine.freshDatabase(), options);
  });
  after(() => server?.close());
  return () => {
    assert.ok(server !== undefined, 'the suite server starts in a before hook');
    return server;
  };
}
