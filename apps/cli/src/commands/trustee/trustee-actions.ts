/**
 * @module What a trustee does against the server (spec §7–§8), as library functions the commands
 * and the demo share: the ceremony (post commitments and encrypted shares, wait for every dealer,
 * check the shares dealt to it and post complaints, wait for the officer's `election-key`, derive
 * and keep the secret share) and the decryption share of the encrypted tally.
 */
import type { TrusteeEventType } from '@scrutineer/api-contract';
import {
  type Group,
  type TrusteeKeyPair,
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
} from '@scrutineer/crypto';
import {
  ceremonyEvents,
  checkReceivedShares,
  keyFileMatchesManifest,
  concludeTrusteeShare,
  dealCeremonyShares,
  decryptTally,
} from '@scrutineer/protocol';
import { type EventBody, type Manifest, manifestHash } from '@scrutineer/record';
import { bodiesOf, lastBodyOf } from '../../client/board-bodies.ts';
import { type AnnouncedCheckpoint, checkSealedTally } from './sealed-tally.ts';
import { ApiError, type ServerClient, pollUntil } from '../../client/server-client.ts';
import { DEFAULT_WAIT_MINUTES } from '../wait-option.ts';
import { type CeremonyState, loadCeremonyState, saveCeremonyState } from './ceremony-state.ts';
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
  /** How long to wait for the other trustees and the officer (default 2 hours). */
  readonly timeoutMs?: number;
  /** Where the ceremony's state is kept (ceremony-state.ts); without it nothing can resume. */
  readonly statePath?: string;
}

const DEFAULT_CEREMONY_WAIT_MS = DEFAULT_WAIT_MINUTES * 60_000;

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

/**
 * Posts a message unless the board already holds this trustee's message of that kind: a message
 * that was posted just before a crash (or whose answer was lost) is not an error when resuming.
 */
async function postUnlessOnBoard(
  context: TrusteeContext,
  type: TrusteeEventType,
  body: unknown,
  onBoard: boolean
): Promise<void> {
  if (onBoard) return;
  try {
    await postMessage(context, type, body);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'trustee/duplicate-message')) throw error;
  }
}

/** Checks the key file belongs to this election and to the manifest's trustee entry. */
export function checkKeyFile(manifest: Manifest, file: TrusteeKeyFile): void {
  const matches = keyFileMatchesManifest(manifest, file);
  if (!matches.ok) throw new Error(matches.error.message);
}

/**
 * This trustee's dealing: the one kept at `statePath` (a resumed ceremony), or a new one, sealed
 * there BEFORE anything is posted (ceremony-state.ts). Refuses when the board holds a dealing of
 * this trustee that is not the kept one.
 */
function keptOrNewDealing(
  context: TrusteeContext,
  manifest: Manifest,
  file: TrusteeKeyFile,
  key: TrusteeKeyPair,
  onBoard: EventBody<'trustee-commitments'> | undefined
): CeremonyState {
  const hash = manifestHash(manifest);
  const path = context.statePath;
  const kept = path === undefined ? undefined : loadCeremonyState(path, file, hash);
  if (kept !== undefined) {
    if (onBoard !== undefined && onBoard.signature !== kept.commitments.signature)
      throw new Error(
        `trustee ${file.trustee}'s commitments on the board are not the ones kept in ${path}`
      );
    context.log?.(`trustee ${file.trustee}: resuming the ceremony from ${path}`);
    return kept;
  }
  if (onBoard !== undefined)
    throw new Error(
      `trustee ${file.trustee} has already dealt in this ceremony but ${path ?? 'no state file'} ` +
        'holds nothing to resume from (run from the directory holding the key file and its .ceremony file)'
    );
  const dealt = dealCeremonyShares(context.group, manifest, key);
  const state: CeremonyState = {
    ownShare: bytesToHex(encodeScalar(dealt.dealing.ownShare)),
    commitments: dealt.commitments,
    shares: dealt.shares,
  };
  if (path !== undefined) saveCeremonyState(path, file, hash, state);
  return state;
}

/**
 * Runs this trustee's part of the ceremony; resolves to the key file with its secret share. With
 * `context.statePath` it resumes from what it kept there after a crash or a timeout: run again
 * with the same files, it posts only what the board lacks and goes on waiting.
 */
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
  const mine = <T extends 'trustee-commitments' | 'trustee-shares'>(type: T) =>
    bodiesOf(before, type).find((b) => b.trustee === me);
  const concludedAlready = ceremonyEvents(before) !== undefined;
  // A trustee that never dealt before the key was published is simply not qualified (spec §7.6):
  // it posts nothing, and its own share is never used.
  const state =
    concludedAlready && mine('trustee-commitments') === undefined
      ? undefined
      : keptOrNewDealing(context, manifest, file, key, mine('trustee-commitments'));
  if (state !== undefined && !concludedAlready) {
    await postUnlessOnBoard(
      context,
      'trustee-commitments',
      state.commitments,
      mine('trustee-commitments') !== undefined
    );
    await postUnlessOnBoard(
      context,
      'trustee-shares',
      state.shares,
      mine('trustee-shares') !== undefined
    );
    log(`trustee ${me}: posted commitments and encrypted shares; waiting for the other ${n - 1}`);
  }
  const wait = { timeoutMs: context.timeoutMs ?? DEFAULT_CEREMONY_WAIT_MS };
  const dealtEvents = await pollUntil(
    'every trustee to deal',
    async () => {
      const events = await client.events(electionId);
      const dealers = new Set(bodiesOf(events, 'trustee-shares').map((b) => b.trustee));
      return dealers.size === n || ceremonyEvents(events) !== undefined ? events : undefined;
    },
    wait
  );
  const ownShare = state === undefined ? 0n : decodeScalar(hexToBytes(state.ownShare));
  const checked = checkReceivedShares(
    group,
    manifest,
    key,
    { ownShare },
    bodiesOf(dealtEvents, 'trustee-commitments'),
    bodiesOf(dealtEvents, 'trustee-shares')
  );
  if (ceremonyEvents(dealtEvents) === undefined) {
    const complained = new Set(
      bodiesOf(dealtEvents, 'trustee-complaint')
        .filter((b) => b.trustee === me)
        .map((b) => b.dealer)
    );
    for (const complaint of checked.complaints)
      await postUnlessOnBoard(
        context,
        'trustee-complaint',
        complaint,
        complained.has(complaint.dealer)
      );
  }
  log(
    `trustee ${me}: checked ${checked.shares.size - 1} shares received, ${checked.complaints.length} complaint(s)`
  );
  const ceremony = await pollUntil(
    'the election key',
    async () => ceremonyEvents(await client.events(electionId)),
    wait
  );
  const published = lastBodyOf(await client.events(electionId), 'election-key');
  const concluded = concludeTrusteeShare(
    group,
    manifest,
    key,
    ownShare,
    {
      commitments: bodiesOf(ceremony, 'trustee-commitments'),
      shares: bodiesOf(ceremony, 'trustee-shares'),
      complaints: bodiesOf(ceremony, 'trustee-complaint'),
    },
    published?.publicKey ?? ''
  );
  if (!concluded.ok) throw new Error(concluded.error.message);
  const { share } = concluded.value;
  return {
    file: withSecretShare(file, share),
    complaints: checked.complaints.length,
    electionKey: concluded.value.electionKey,
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
