/**
 * @module Test helper: the trustees' part of a test election's count — the first trustees decrypt
 * the encrypted tally sealed by the announced checkpoint (spec §8.2) and post their shares over
 * the HTTP API, as `trustee decrypt` does.
 */
import assert from 'node:assert/strict';
import { decryptTally } from '@scrutineer/protocol';
import type { EventBody } from '@scrutineer/record';
import type { RunningServer } from '@scrutineer/server';
import { api } from './api-client.ts';
import type { TestElection } from './test-election.ts';

/**
 * Trustees 1…`count` (default: as many as the threshold) decrypt `tally` and post their shares,
 * each accepted (201); returns the shares in trustee order.
 */
export async function postDecryptionShares(
  target: Pick<RunningServer, 'url'>,
  election: TestElection,
  tally: EventBody<'encrypted-tally'>,
  checkpoint: { readonly size: number; readonly root: string },
  count: number = election.manifest.trustees.threshold
): Promise<EventBody<'decryption-share'>[]> {
  const shares: EventBody<'decryption-share'>[] = [];
  for (const key of election.trusteeKeys.slice(0, count)) {
    const secretShare = election.trusteeShares.get(key.publicKey.trustee);
    assert.ok(secretShare !== undefined);
    const share = decryptTally(
      election.setup.group,
      election.manifest,
      election.setup.baseHash,
      key,
      secretShare,
      tally,
      checkpoint
    );
    const posted = await api(
      target,
      'POST',
      `/api/elections/${election.electionId}/trustee-messages`,
      {
        body: { type: 'decryption-share', body: share },
      }
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    shares.push(share);
  }
  return shares;
}
