/**
 * @module A mix server's signature on its step (spec §11.8 "Signed by its mix server", V10.6).
 * Secrecy of the rankings rests on one honest mix server keeping its permutation; a proof shows
 * that a mix is a shuffle but not who knows the permutation, so without a signature whoever relays
 * the mixes (the returning officer, the board) could post every mix itself and link each decrypted
 * ranking to its credential. Mix server m therefore signs the whole step (contest, m, input hash,
 * every output row, the proof) with the key the manifest lists for it, the §5.4 signature with the
 * manifest hash in the base-hash slot, as the other officials' statements (signed-statements.ts).
 */
import {
  type Group,
  RecordTag,
  encodeU32,
  encodeU64,
  hexToBytes,
  sha256,
  utf8,
} from '@scrutineer/crypto';
import type { Manifest } from './manifest.ts';
import type { MixBody } from './ranked-events.ts';
import { signStatement, verifyStatement } from './signed-statements.ts';

/** One mix whole: its parts joined (the outputs and the proof in part order), unsigned. */
export type MixStatement = Pick<MixBody, 'contest' | 'mixer' | 'inputHash' | 'outputs' | 'proof'>;

/**
 * Spec §11.8 (11.12): SHA-256(frame(utf8("scrutineer/v1/mix-statement")) ‖ frame(u64le contest) ‖
 * frame(u64le m) ‖ frame(inputHash) ‖ frame(E′) ‖ frame(proof)), E′ every output ciphertext α ‖ β
 * row by row and proof the §11.4 encoding, each frame its u32le length and its bytes (§3.1).
 * Streamed row by row: a large mix is hundreds of MB of rows, more than one string should hold.
 */
export function mixStatementMessage(step: MixStatement): Uint8Array {
  const hash = sha256.create();
  const frame = (length: number): void => void hash.update(encodeU32(length));
  for (const part of [
    utf8(RecordTag.mixStatement),
    encodeU64(step.contest),
    encodeU64(step.mixer),
    hexToBytes(step.inputHash),
  ]) {
    frame(part.length);
    hash.update(part);
  }
  frame(64 * step.outputs.reduce((sum, row) => sum + row.length, 0));
  for (const row of step.outputs) hash.update(hexToBytes(row.join('')));
  const proof = hexToBytes(step.proof);
  frame(proof.length);
  hash.update(proof);
  return hash.digest();
}

/** Mix server m's signature on its whole step (spec §11.8), as the hex every part carries. */
export function signMix(
  group: Group,
  manifestHash: string,
  secretKey: bigint,
  step: MixStatement
): string {
  return signStatement(group, manifestHash, secretKey, mixStatementMessage(step));
}

/** The parts of one mix joined into the statement its mix server signed. */
export function mixStatementOf(parts: readonly MixBody[]): MixStatement {
  const first = parts[0];
  if (first === undefined) throw new RangeError('a mix has at least one part');
  return {
    contest: first.contest,
    mixer: first.mixer,
    inputHash: first.inputHash,
    outputs: parts.flatMap((p) => p.outputs),
    proof: parts.map((p) => p.proof).join(''),
  };
}

/**
 * Spec §11.8, V10.6: why the joined parts of a mix are not signed by the manifest's mix server m
 * (over exactly this step), or null when they are. Names the mix server, so a failure is
 * attributed: "mixer 2 (Mix server 2): …".
 */
export function mixSignatureProblem(
  group: Group,
  manifest: Pick<Manifest, 'mixers'>,
  manifestHash: string,
  parts: readonly MixBody[]
): string | null {
  const first = parts[0];
  if (first === undefined) return 'no parts';
  const member = manifest.mixers?.members[first.mixer - 1];
  if (member === undefined) return `mixer ${first.mixer}: the manifest names no such mix server`;
  const who = `mixer ${first.mixer} (${member.name})`;
  if (parts.some((p) => p.signature !== first.signature))
    return `${who}: its parts carry different signatures`;
  let key;
  try {
    key = group.decodePoint(hexToBytes(member.publicKey));
  } catch {
    return `${who}: the manifest's key for it is not a point`;
  }
  return verifyStatement(
    group,
    manifestHash,
    key,
    mixStatementMessage(mixStatementOf(parts)),
    first.signature
  )
    ? null
    : `${who}: the mix is not signed by its key over this step`;
}

/** What a mix server asks of the board's staging (spec §11.8 "Posted by its mix server"). */
export type MixRequestAction = 'stage' | 'commit' | 'discard';

/** A mix server's staging request as (11.13) signs it, with the signature it carries, if any. */
export interface MixRequest {
  readonly action: MixRequestAction;
  readonly step: string;
  readonly digest: string;
  readonly signature?: string | undefined;
}

/**
 * Spec §11.8 (11.13): SHA-256(frame(utf8("scrutineer/v1/mix-request")) ‖ frame(utf8(action)) ‖
 * frame(utf8(step)) ‖ frame(digest)), digest the 32 bytes the request names: the staged part's
 * (stage), the upload's (commit), or the upload staged now (discard). Never in the record: it
 * authenticates a mix server's request to the board, before the board does any work for it.
 */
export function mixRequestMessage(
  action: MixRequestAction,
  step: string,
  digest: string
): Uint8Array {
  const hash = sha256.create();
  for (const part of [utf8(RecordTag.mixRequest), utf8(action), utf8(step), hexToBytes(digest)]) {
    hash.update(encodeU32(part.length));
    hash.update(part);
  }
  return hash.digest();
}

/** Mix server m's signature on a staging request (spec §11.8 (11.13)), hex. */
export function signMixRequest(
  group: Group,
  manifestHash: string,
  secretKey: bigint,
  action: MixRequestAction,
  step: string,
  digest: string
): string {
  return signStatement(group, manifestHash, secretKey, mixRequestMessage(action, step, digest));
}

/** The manifest's key for mix server m, or why there is none usable. */
function mixerKey(
  group: Group,
  manifest: Pick<Manifest, 'mixers'>,
  mixer: number
): { key: ReturnType<Group['decodePoint']>; who: string } | string {
  const member = manifest.mixers?.members[mixer - 1];
  if (member === undefined) return `mixer ${mixer}: the manifest names no such mix server`;
  const who = `mixer ${mixer} (${member.name})`;
  try {
    return { key: group.decodePoint(hexToBytes(member.publicKey)), who };
  } catch {
    return `${who}: the manifest's key for it is not a point`;
  }
}

/**
 * Why `signature` is not mix server m's on this staging request (11.13), or null when it is: one
 * hash of a few bytes and one signature check, so the board runs it before anything else.
 */
export function mixRequestProblem(
  group: Group,
  manifest: Pick<Manifest, 'mixers'>,
  manifestHash: string,
  mixer: number,
  request: MixRequest
): string | null {
  const found = mixerKey(group, manifest, mixer);
  if (typeof found === 'string') return found;
  if (request.signature === undefined)
    return `${found.who}: the ${request.action} request is not signed`;
  const message = mixRequestMessage(request.action, request.step, request.digest);
  return verifyStatement(group, manifestHash, found.key, message, request.signature)
    ? null
    : `${found.who}: the ${request.action} request is not signed by its key`;
}
