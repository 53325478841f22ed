/**
 * @module Test helper: the officer's postal steps through the real HTTP API (spec §9.5.3, §9.8):
 * receiving voters' packs into trays, and starting a postal audit that goes straight to a full
 * hand count, as the postal tests of styles and weights both need.
 */
import assert from 'node:assert/strict';
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import { auditSeedCommitment } from '@scrutineer/record';
import type { RunningServer } from '@scrutineer/server';
import { type ApiResponse, api } from './api-client.ts';
import type { TestElection } from './test-election.ts';

/** A POST to one of the election's routes with its officer's key. */
export type OfficerPost = (path: string, body?: unknown) => Promise<ApiResponse>;

export function officerPoster(
  server: Pick<RunningServer, 'url'>,
  election: TestElection
): OfficerPost {
  return (path, body = {}) =>
    api(server, 'POST', `/api/elections/${election.electionId}${path}`, {
      token: election.adminKey,
      body,
    });
}

/** Voters 0, 1, … return their packs into the trays `trays` names, in order. */
export async function receivePacks(
  post: OfficerPost,
  election: TestElection,
  trays: readonly string[]
): Promise<void> {
  for (const [i, tray] of trays.entries()) {
    const voter = election.voters[i];
    assert.ok(voter !== undefined);
    const received = await post('/postal/received', {
      credential: voter.credential,
      returnSecret: voter.postalReturn.secret,
      batch: tray,
    });
    assert.equal(received.status, 201, JSON.stringify(received.body));
  }
}

/** One observer commits and reveals a seed; the audit starts and draws a full hand count. */
export async function startFullHandCount(post: OfficerPost, seedWords: string): Promise<void> {
  const seed = bytesToHex(sha256(utf8(seedWords)));
  const commitment = auditSeedCommitment('Observer', seed);
  assert.equal(
    (await post('/postal/audit/commit', { observer: 'Observer', commitment })).status,
    201
  );
  assert.equal((await post('/postal/audit/start', { riskLimit: 10 })).status, 201);
  assert.equal((await post('/postal/audit/reveal', { observer: 'Observer', seed })).status, 201);
  assert.equal((await post('/postal/audit/sample', { full: true })).status, 201);
}
