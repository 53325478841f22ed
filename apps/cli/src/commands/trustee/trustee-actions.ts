/**
 * @module What a trustee does against the server (spec §7–§8), as library functions the commands
 * and the demo share: the ceremony (post commitments and encrypted shares, wait for every dealer,
 * check the shares dealt to it and post complaints, wait for the officer's `election-key`, derive
 * and keep the secret share) and the decryption share of the encrypted tally.
 */
import type { TrusteeEventType } from '@scrutineer/api-contract';
import { type Group, hexToBytes } from '@scrutineer/crypto';
import {
  checkReceivedShares,
  concludeCeremonyFromBodies,
  dealCeremonyShares,
  decryptTally,
  electionKeyBody,
  finishCeremony,
} from '@scrutineer/protocol';
import { type BoardEvent, type Manifest } from '@scrutineer/record';
import { bodiesOf, lastBodyOf } from '../../client/board-bodies.ts';
import { type AnnouncedCheckpoint, checkSealedTally } from './sealed-tally.ts';
import { type ServerClient, pollUntil } from '../../client/server-client.ts';
import {
  type TrusteeKeyFile,
  secretShareOf,
  trusteeKeyPair,
  withSecretShare,
} from './trustee-key-file.ts';

export interface TrusteeContext {
  readonly client: ServerClient;
  readonly group: Group;
  readonly electionId: string;
  readonly log?: (message: string) => void;
  readonly timeoutMs?: number;
}

/** Posts one signed trustee message; the board's refusal is thrown as an ApiError with its code. */
export async function postMessage(
  context: TrusteeContext,
  type: TrusteeEventType,
  body: unknown
): Promise<void> {
  await context.client.call('trusteeMessage', {
    params: { electionId: context.electionId },
    body: { type, body: body as Record<string, unknown> },
  });
}

/** The events before the `election-key` (the ceremony's messages), once it is on the board. */
function ceremonyEvents(events: readonly BoardEvent[]): BoardEvent[] | undefined {
  const at = events.findIndex((e) => e.type === 'election-key');
  return at < 0 ? undefined : events.slice(0, at);
}

/** Checks the key file belongs to this election and to the manifest's trustee entry. */
function checkKeyFile(manifest: Manifest, file: TrusteeKeyFile): void {
  const entry = manifest.trustees.members.find((m) => m.index === file.trustee);
  if (manifest.electionId !== file.electionId || entry?.publicKey !== file.publicKey)
    throw new Error(
      `this key file is not trustee ${file.trustee}'s key in ${manifest.electionId}'s manifest`
    );
}

/** Runs this trustee's part of the ceremony; resolves to the key file with its secret share. */
export async function runTrusteeCeremony(
  context: TrusteeContext,
  file: TrusteeKeyFile
): Promise<{ file: TrusteeKeyFile; complaints: number; electionKey: string }> {
  const { client, group, electionId } = context;
  const log = context.log ?? (() => undefined);
  const manifest = await client.manifest(electionId);
  checkKeyFile(manifest, file);
  const key = trusteeKeyPair(group, file);
  const n = manifest.trustees.members.length;
  const me = file.trustee;
  const before = await client.events(electionId);
  if (bodiesOf(before, 'trustee-commitments').some((b) => b.trustee === me))
    throw new Error(
      `trustee ${me} has already dealt in this ceremony; its polynomial is not kept, so it cannot resume`
    );
  const dealt = dealCeremonyShares(group, manifest, key);
  await postMessage(context, 'trustee-commitments', dealt.commitments);
  await postMessage(context, 'trustee-shares', dealt.shares);
  log(`trustee ${me}: posted commitments and encrypted shares; waiting for the other ${n - 1}`);
  const dealtEvents = await pollUntil(
    'every trustee to deal',
    async () => {
      const events = await client.events(electionId);
      const dealers = new Set(bodiesOf(events, 'trustee-shares').map((b) => b.trustee));
      return dealers.size === n || ceremonyEvents(events) !== undefined ? events : undefined;
    },
    { timeoutMs: context.timeoutMs ?? 600_000 }
  );
  const checked = checkReceivedShares(
    group,
    manifest,
    key,
    dealt.dealing,
    bodiesOf(dealtEvents, 'trustee-commitments'),
    bodiesOf(dealtEvents, 'trustee-shares')
  );
  for (const complaint of checked.complaints)
    await postMessage(context, 'trustee-complaint', complaint);
  log(
    `trustee ${me}: checked ${checked.shares.size - 1} shares received, ${checked.complaints.length} complaint(s)`
  );
  const ceremony = await pollUntil(
    'the election key',
    async () => ceremonyEvents(await client.events(electionId)),
    { timeoutMs: context.timeoutMs ?? 600_000 }
  );
  const result = concludeCeremonyFromBodies(group, manifest, {
    commitments: bodiesOf(ceremony, 'trustee-commitments'),
    shares: bodiesOf(ceremony, 'trustee-shares'),
    complaints: bodiesOf(ceremony, 'trustee-complaint'),
  });
  const published = lastBodyOf(await client.events(electionId), 'election-key');
  const expected = electionKeyBody(group, result);
  if (published === undefined || published.publicKey !== expected.publicKey)
    throw new Error(
      'the published election key is not the one the ceremony on the board concludes'
    );
  const share = finishCeremony(group, result, me, checked.shares);
  return {
    file: withSecretShare(file, share),
    complaints: checked.complaints.length,
    electionKey: expected.publicKey,
  };
}

/**
 * Posts this trustee's decryption share of the encrypted tally (spec §8.2), after checking the
 * record up to `checkpoint`, the value the returning officer announced outside the server
 * (sealed-tally.ts): on any failure it throws {@link SealedTallyError} and computes nothing.
 */
export async function postDecryptionShare(
  context: TrusteeContext,
  file: TrusteeKeyFile,
  checkpoint: AnnouncedCheckpoint
): Promise<void> {
  const { client, group, electionId } = context;
  const sealed = await checkSealedTally(client, group, electionId, checkpoint);
  checkKeyFile(sealed.manifest, file);
  const events = await client.events(electionId);
  if (bodiesOf(events, 'decryption-share').some((b) => b.trustee === file.trustee)) {
    context.log?.(`trustee ${file.trustee}: decryption share already on the board`);
    return;
  }
  const body = decryptTally(
    group,
    sealed.manifest,
    hexToBytes(sealed.baseHash),
    trusteeKeyPair(group, file),
    secretShareOf(file),
    sealed.tally,
    sealed.checkpoint
  );
  await postMessage(context, 'decryption-share', body);
  context.log?.(
    `trustee ${file.trustee}: checked the record up to checkpoint ${checkpoint.size}:${checkpoint.root} and posted its decryption share`
  );
}
