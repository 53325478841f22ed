/**
 * @module Replacement packs (spec §9.2 `replacements`, §9.5 `credential-replaced`, V4.5): the
 * registrar's approval of a replacement and the manifest's limits on replacements, shared by the
 * board (which refuses) and the verifier (which fails V4.5), so both apply the same rules.
 *
 * A replacement revokes a member's credential and lists a new one; the officer alone must not be
 * able to do it, or the officer could revoke any unused credential and vote with a key whose code
 * they made. So every `credential-replaced` carries the registrar's signature (spec §5.4, base hash
 * h) over the whole body but the signature, and the manifest caps their number and forbids them
 * close to the close.
 */
import {
  type Group,
  bytesToHex,
  decodeSignature,
  encodeSignature,
  frameParts,
  hexToBytes,
  sha256,
  sign,
  utf8,
  verifySignature,
  RecordTag,
} from '@scrutineer/crypto';
import { canonicalBytes } from './canonical-json.ts';
import type { Manifest } from './manifest.ts';

/** Spec §9.5: why a pack was replaced; the public summary counts replacements by these. */
export const REPLACEMENT_REASONS = [
  'lost',
  'damaged',
  'not-received',
  'locked-out',
  'compromised',
] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

export function isReplacementReason(value: unknown): value is ReplacementReason {
  return typeof value === 'string' && (REPLACEMENT_REASONS as readonly string[]).includes(value);
}

/**
 * Spec §9.5: the message the registrar signs, SHA-256(frame(tag) ‖ frame(canonical bytes of the
 * body without `approval`)). Every other field is covered, whatever fields the body has.
 */
export function replacementApprovalMessage(body: Readonly<Record<string, unknown>>): Uint8Array {
  const { approval: _approval, ...unsigned } = body;
  return sha256(frameParts([utf8(RecordTag.credentialReplacement), canonicalBytes(unsigned)]));
}

/** The registrar's approval (spec §5.4 with the base hash h) of `unsigned`, as hex. */
export function signReplacementApproval(
  group: Group,
  baseHashHex: string,
  secretKey: bigint,
  unsigned: Readonly<Record<string, unknown>>
): string {
  const signature = sign(
    group,
    hexToBytes(baseHashHex),
    secretKey,
    replacementApprovalMessage(unsigned)
  );
  return bytesToHex(encodeSignature(group, signature));
}

/**
 * Whether `body.approval` is the signature of `approverKeyHex` with base hash `baseHashHex` over
 * the rest of the body. False (never a throw) for a key or signature that does not decode.
 */
export function verifyReplacementApproval(
  group: Group,
  baseHashHex: string,
  approverKeyHex: string,
  body: Readonly<Record<string, unknown>>
): boolean {
  const approval = body['approval'];
  if (typeof approval !== 'string') return false;
  try {
    const key = group.decodePoint(hexToBytes(approverKeyHex));
    const signature = decodeSignature(group, hexToBytes(approval));
    return verifySignature(
      group,
      hexToBytes(baseHashHex),
      key,
      replacementApprovalMessage(body),
      signature
    );
  } catch {
    return false;
  }
}

/** Seconds since 1970 of a spec §9.2 instant (`YYYY-MM-DDTHH:MM:SSZ`). */
function instantSeconds(instant: string): number {
  return Date.parse(instant) / 1000;
}

/** A rule of spec §9.2 `replacements` that a replacement at a time breaks. */
export type ReplacementRefusal = 'not-allowed' | 'limit-reached' | 'too-close-to-close';

/**
 * Spec §9.2, §9.5: whether one more replacement, after `replacementsBefore` of them, may be
 * posted at board time `time`: the manifest must allow replacements, their number stays within
 * `limit`, and none is posted within `stopsBeforeClose` seconds of `window.closes`.
 */
export function replacementRefusal(
  manifest: Manifest,
  replacementsBefore: number,
  time: string
): ReplacementRefusal | null {
  const rules = manifest.replacements;
  if (rules === undefined) return 'not-allowed';
  if (replacementsBefore >= rules.limit) return 'limit-reached';
  if (instantSeconds(time) >= instantSeconds(manifest.window.closes) - rules.stopsBeforeClose)
    return 'too-close-to-close';
  return null;
}

/** A sentence for each refusal, for error messages and verifier reports. */
export const REPLACEMENT_REFUSALS: Readonly<Record<ReplacementRefusal, string>> = {
  'not-allowed': 'the manifest allows no replacements (no `replacements`)',
  'limit-reached': "the manifest's limit on replacements is reached",
  'too-close-to-close': "replacements stop `stopsBeforeClose` seconds before the window's close",
};
