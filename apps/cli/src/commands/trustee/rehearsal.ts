/**
 * @module The decryption rehearsal from the trustee's side (spec §8.10): `scrutineer trustee
 * rehearse` decrypts the test ciphertext with the secret share in the key file the trustee will
 * use at the tally, and posts the share with its proof; the board checks the proof against the
 * trustee's verification key. A key file that is lost, unreadable or holds the wrong share is
 * found now, while the election can still be run again or cancelled, not at the count.
 */
import { createRehearsalShare, rehearsedTrustees } from '@scrutineer/protocol';
import type { BoardEvent, Manifest } from '@scrutineer/record';
import { lastBodyOf } from '../../client/board-bodies.ts';
import { type TrusteeContext, checkKeyFile } from './trustee-actions.ts';
import { type TrusteeKeyFile, secretShareOf, trusteeKeyPair } from './trustee-key-file.ts';

export { rehearsedTrustees } from '@scrutineer/protocol';

/**
 * One line on the rehearsal for the officer (`election open`): who has rehearsed, and a warning
 * when fewer than k + 1 have, since then one more lost key file makes the tally impossible.
 */
export function rehearsalSummary(manifest: Manifest, events: readonly BoardEvent[]): string {
  const done = rehearsedTrustees(events);
  const { threshold, members } = manifest.trustees;
  const line = `Decryption rehearsal: ${done.length} of ${members.length} trustees (${done.length === 0 ? 'none' : done.join(', ')}); ${threshold} are needed at the count.`;
  return done.length > threshold
    ? line
    : `${line}\nWARNING: fewer than ${threshold + 1} trustees have rehearsed: if one more key file is lost the election cannot be counted. Ask the others to run \`scrutineer trustee rehearse\` before opening.`;
}

/** Posts this trustee's rehearsal share; resolves to a line saying what happened. */
export async function postRehearsalShare(
  context: TrusteeContext,
  manifest: Manifest,
  file: TrusteeKeyFile
): Promise<string> {
  const { client, group, electionId } = context;
  checkKeyFile(manifest, file);
  const events = await client.events(electionId);
  const key = lastBodyOf(events, 'election-key');
  if (key === undefined)
    throw new Error('the election key is not published yet: rehearse after the ceremony');
  if (rehearsedTrustees(events).includes(file.trustee))
    return `Trustee ${file.trustee} has already rehearsed: its share is on the board.`;
  const secretShare = secretShareOf(file);
  const keys = trusteeKeyPair(group, file);
  const body = createRehearsalShare(group, manifest, key.publicKey, keys, secretShare);
  await client.call('trusteeMessage', {
    params: { electionId },
    body: { type: 'rehearsal-share', body },
  });
  return `Trustee ${file.trustee} rehearsed: the board checked its decryption of the test ciphertext against its verification key. Keep this key file for the count.`;
}
