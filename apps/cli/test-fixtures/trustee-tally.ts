/**
 * @module Test helper: the tally as the CLI's process tests run it — `election tally` waiting for
 * the trustees while each given trustee runs `trustee decrypt` with the checkpoint the officer
 * announces (spec §8.2), read here from the board's record as the officer would read it out.
 */
import { ServerClient } from '../src/client/server-client.ts';
import { announcedCheckpoint } from './announced-checkpoint.ts';
import type { CliRunner } from './cli-process.ts';

/** Runs `election tally` and the trustees' decryptions (their key files, in turn); its output. */
export async function tallyWithTrustees(
  ok: CliRunner['ok'],
  url: string,
  electionId: string,
  trusteeKeyFiles: readonly string[]
): Promise<string> {
  const [tally] = await Promise.all([
    ok(['election', 'tally', '--server', url, '--election', electionId]),
    (async () => {
      const checkpoint = await announcedCheckpoint(new ServerClient(url), electionId);
      for (const key of trusteeKeyFiles)
        await ok(['trustee', 'decrypt', '--server', url, '--key', key, '--checkpoint', checkpoint]);
    })(),
  ]);
  return tally;
}
