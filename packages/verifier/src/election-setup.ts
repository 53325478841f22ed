/**
 * @module The election key recomputed from the board before anyone uses it (spec §7.6,
 * §9.3.1): the manifest of `election-setup`, the trustees' ceremony messages (each signed by its
 * trustee, spec §9.5), their public conclusion Q, K, V₁…Vₙ (spec §7.6, `concludeCeremony`), and
 * the base hash from that K and the `election-open` credential list. The board runs
 * {@link recomputeElectionKey} before it accepts an `election-key`; the booth, the CLI vote client
 * and `packs generate` run {@link checkElectionSetup} on the events they fetch before they encrypt
 * or print a fingerprint. One function, so that every party refuses the same key: a key the
 * officer made (and so could decrypt every ballot with) never reaches a voter's device.
 */
import {
  type Group,
  bytesToHex,
  concludeCeremony,
  utf8,
  verifyTrusteeKey,
} from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  type Result,
  ceremonyParameters,
  computeBaseHash,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeSharesBody,
  electionFingerprint,
  err,
  manifestHash,
  ok,
  trusteeKeysOf,
  trusteeMessage,
  verifyStatement,
} from '@scrutineer/record';

/** The sentence every client shows when the published key is not the ceremony's. */
export const KEY_NOT_FROM_CEREMONY = "the election key does not follow from the trustees' ceremony";

export type SetupFaultCode =
  | 'setup/no-manifest'
  | 'setup/invalid-trustee-key'
  | 'setup/invalid-ceremony-message'
  | 'setup/ceremony-failed'
  | 'setup/key-not-from-ceremony'
  | 'setup/missing-election-key'
  | 'setup/base-hash-mismatch';

export interface SetupFault {
  readonly code: SetupFaultCode;
  readonly message: string;
  /** `setup/key-not-from-ceremony`: what differs (`qualified`, `publicKey`, `verificationKeys[l]`). */
  readonly differences?: readonly string[];
  /** The board position of the event at fault, when there is one. */
  readonly position?: number;
}

/** What the setup events establish, every value recomputed rather than read. */
export interface ElectionSetup {
  /** The body of `election-setup` (position 0), the manifest whose hash enters the base hash. */
  readonly manifest: Manifest;
  readonly manifestHash: string;
  /** `manifest.board.publicKey`: the only key receipts and checkpoints are checked against. */
  readonly boardPublicKey: string;
  /** Q, K, V₁…Vₙ recomputed from the ceremony (spec §7.6); null before `election-key`. */
  readonly electionKey: EventBody<'election-key'> | null;
  /** The base hash (9.1) recomputed with that K; null before `election-open`. */
  readonly opening: {
    readonly baseHash: string;
    readonly credentialListHash: string;
    readonly credentialCount: number;
    readonly fingerprint: string;
  } | null;
}

const CEREMONY_TYPES = new Set(['trustee-commitments', 'trustee-shares', 'trustee-complaint']);
type CeremonyEvent = Extract<
  BoardEvent,
  { type: 'trustee-commitments' | 'trustee-shares' | 'trustee-complaint' }
>;

const fault = (
  code: SetupFaultCode,
  message: string,
  extra: Partial<SetupFault> = {}
): Result<never, SetupFault> => err({ code, message, ...extra });

/**
 * Spec §7.6: the `election-key` body that the ceremony messages among `events` (those before the
 * first `election-key`) conclude to under `manifest`. Every message must be signed by the listed
 * trustee it names (spec §9.5) and appear once (a complaint once per dealer), as the board admits
 * them; a manifest trustee key must carry a valid proof of possession (spec §7.2).
 */
export function recomputeElectionKey(
  group: Group,
  manifest: Manifest,
  events: Iterable<BoardEvent>
): Result<EventBody<'election-key'>, SetupFault> {
  let trusteeKeys;
  try {
    trusteeKeys = trusteeKeysOf(group, manifest);
  } catch (error) {
    return fault('setup/invalid-trustee-key', `a trustee key: ${(error as Error).message}`);
  }
  for (const key of trusteeKeys) {
    if (!verifyTrusteeKey(group, utf8(manifest.electionId), key))
      return fault(
        'setup/invalid-trustee-key',
        `trustee ${key.trustee}'s proof of possession of its key fails`
      );
  }
  const hash = manifestHash(manifest);
  const seen = new Set<string>();
  const messages: CeremonyEvent[] = [];
  for (const event of events) {
    if (event.type === 'election-key') break;
    if (!CEREMONY_TYPES.has(event.type)) continue;
    const message = event as CeremonyEvent;
    const { trustee } = message.body;
    const key = trusteeKeys.find((k) => k.trustee === trustee);
    const where = { position: message.position };
    if (key === undefined)
      return fault('setup/invalid-ceremony-message', `trustee ${trustee} is not listed`, where);
    const subject = message.type === 'trustee-complaint' ? message.body.dealer : 0;
    const slot = `${message.type}:${trustee}:${subject}`;
    if (seen.has(slot))
      return fault(
        'setup/invalid-ceremony-message',
        `a second ${message.type} from trustee ${trustee}`,
        where
      );
    seen.add(slot);
    const signed = verifyStatement(
      group,
      hash,
      key.publicKey,
      trusteeMessage(message.type, message.body),
      message.body.signature
    );
    if (!signed)
      return fault(
        'setup/invalid-ceremony-message',
        `the ${message.type} of trustee ${trustee} is not signed by that trustee`,
        where
      );
    messages.push(message);
  }
  let outcome;
  try {
    const bodies = <T extends CeremonyEvent['type']>(type: T) =>
      messages.filter((m) => m.type === type).map((m) => m.body as EventBody<T>);
    outcome = concludeCeremony(group, ceremonyParameters(manifest), {
      trusteeKeys,
      commitments: bodies('trustee-commitments').map((b) => decodeCommitmentsBody(group, b)),
      encryptedShares: bodies('trustee-shares').flatMap((b) => decodeSharesBody(group, b)),
      complaints: bodies('trustee-complaint').map((b) => decodeComplaintBody(group, b)),
    });
  } catch (error) {
    return fault('setup/invalid-ceremony-message', (error as Error).message);
  }
  if (!outcome.ok)
    return fault(
      'setup/ceremony-failed',
      `the ceremony cannot conclude: ${outcome.error.code}: ${outcome.error.message}`
    );
  const result = outcome.value;
  return ok({
    qualified: [...result.qualified],
    publicKey: bytesToHex(group.encodePoint(result.electionKey)),
    verificationKeys: result.verificationKeys.map((v) => bytesToHex(group.encodePoint(v))),
  });
}

/** The fields of a published `election-key` that differ from the recomputed one (empty: equal). */
export function electionKeyDifferences(
  published: EventBody<'election-key'>,
  recomputed: EventBody<'election-key'>
): string[] {
  const differences: string[] = [];
  if (published.qualified.join() !== recomputed.qualified.join()) differences.push('qualified');
  if (published.publicKey !== recomputed.publicKey) differences.push('publicKey');
  const count = Math.max(published.verificationKeys.length, recomputed.verificationKeys.length);
  for (let i = 0; i < count; i++) {
    if (published.verificationKeys[i] !== recomputed.verificationKeys[i])
      differences.push(`verificationKeys[${i + 1}]`);
  }
  return differences;
}

/** {@link KEY_NOT_FROM_CEREMONY} with what differs, for a refusal. */
export function keyMismatchFault(differences: readonly string[], position?: number): SetupFault {
  return {
    code: 'setup/key-not-from-ceremony',
    message: `${KEY_NOT_FROM_CEREMONY} (${differences.join(', ')} differ from the recomputed)`,
    differences,
    ...(position === undefined ? {} : { position }),
  };
}

/**
 * Spec §9.3.1: checks the setup events of a board (from position 0; later events are ignored) and
 * returns what they establish — the manifest, the election key recomputed from the ceremony and
 * the base hash recomputed with it — or the first fault. A client encrypts under, and prints the
 * fingerprint of, these recomputed values only.
 */
export function checkElectionSetup(
  group: Group,
  events: readonly BoardEvent[]
): Result<ElectionSetup, SetupFault> {
  const first = events[0];
  if (first?.type !== 'election-setup' || first.position !== 0)
    return fault('setup/no-manifest', 'the board does not start with its election-setup event');
  const manifest = first.body;
  const hash = manifestHash(manifest);
  const keyEvent = events.find((e) => e.type === 'election-key');
  const openEvent = events.find((e) => e.type === 'election-open');
  let electionKey: EventBody<'election-key'> | null = null;
  if (keyEvent !== undefined) {
    const recomputed = recomputeElectionKey(group, manifest, events);
    if (!recomputed.ok) return recomputed;
    const differences = electionKeyDifferences(keyEvent.body, recomputed.value);
    if (differences.length > 0) return err(keyMismatchFault(differences, keyEvent.position));
    electionKey = recomputed.value;
  }
  let opening: ElectionSetup['opening'] = null;
  if (openEvent !== undefined) {
    if (electionKey === null)
      return fault('setup/missing-election-key', 'election-open without an election-key before it');
    const { credentialListHash, credentialCount } = openEvent.body;
    const baseHash = computeBaseHash({
      manifestHash: hash,
      electionKey: electionKey.publicKey,
      credentialListHash,
      credentialCount,
    });
    if (baseHash !== openEvent.body.baseHash)
      return fault(
        'setup/base-hash-mismatch',
        'the published base hash is not the one recomputed from the manifest, the ceremony key and the credential list',
        { position: openEvent.position }
      );
    opening = {
      baseHash,
      credentialListHash,
      credentialCount,
      fingerprint: electionFingerprint(baseHash),
    };
  }
  return ok({
    manifest,
    manifestHash: hash,
    boardPublicKey: manifest.board.publicKey,
    electionKey,
    opening,
  });
}
