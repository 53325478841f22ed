/**
 * @module Test helper: the checkpoint an officer announces to the trustees after `election tally`
 * (spec §8.2), read from the board's record: the signed checkpoint just after the encrypted tally.
 */
import assert from 'node:assert/strict';
import { type ServerClient, pollUntil } from '../src/client/server-client.ts';

/** Waits for the encrypted tally and returns the checkpoint sealing it as `<size>:<root>`. */
export async function announcedCheckpoint(
  client: ServerClient,
  electionId: string
): Promise<string> {
  const tally = await pollUntil(
    'the encrypted tally',
    async () => (await client.events(electionId)).find((e) => e.type === 'encrypted-tally'),
    { timeoutMs: 60_000 }
  );
  const lines = (await client.recordFile(electionId, 'checkpoints.jsonl')).trim().split('\n');
  const sealed = lines
    .map((line) => JSON.parse(line) as { size: number; root: string })
    .find((c) => c.size === tally.position + 1);
  assert.ok(sealed, 'the board seals the tally with a checkpoint');
  return `${sealed.size}:${sealed.root}`;
}
