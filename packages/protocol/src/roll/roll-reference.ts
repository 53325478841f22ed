/**
 * @module The roll inclusion reference as printed on a pack (spec §9.2.5): one line of text, also
 * carried by a QR code, that `scrutineer roll check --reference` reads. Upper-case hex and `:` keep
 * it in the QR alphanumeric mode (5.5 bits a character):
 *
 *   ROLL1:<count>:<index>:<salt>:<root>[:<proof hash>…]
 *
 * The member id is not in it: the member supplies it (it is printed beside the reference), so a
 * lost reference alone says nothing about who it belongs to. The root in the reference is only a
 * convenience: the check compares with the root in the published manifest.
 */
import { type Result, err, ok } from '@scrutineer/record';
import type { RollCommitment, RollInclusion } from './roll-commitment.ts';

const PREFIX = 'ROLL1';

export interface RollReference {
  readonly commitment: RollCommitment;
  readonly inclusion: Omit<RollInclusion, 'memberId'>;
}

export function encodeRollReference(
  commitment: RollCommitment,
  inclusion: Omit<RollInclusion, 'memberId'>
): string {
  return [
    PREFIX,
    String(commitment.count),
    String(inclusion.index),
    inclusion.salt,
    commitment.root,
    ...inclusion.proof,
  ]
    .join(':')
    .toUpperCase();
}

export interface RollReferenceError {
  readonly code: 'roll/malformed-reference';
  readonly message: string;
}

/** Reads a reference typed or scanned from a pack (any case, surrounding white space ignored). */
export function parseRollReference(text: string): Result<RollReference, RollReferenceError> {
  const parts = text.trim().toLowerCase().split(':');
  const bad = (message: string) => err({ code: 'roll/malformed-reference' as const, message });
  if (parts[0] !== PREFIX.toLowerCase()) return bad(`a roll reference starts with ${PREFIX}:`);
  const [, countText = '', indexText = '', salt = '', root = '', ...proof] = parts;
  if (!/^[1-9][0-9]{0,15}$/.test(countText)) return bad('the count is not a positive number');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(indexText)) return bad('the index is not a number');
  const count = Number(countText);
  const index = Number(indexText);
  if (index >= count) return bad(`index ${index} is not below the count ${count}`);
  const hex32 = /^[0-9a-f]{64}$/;
  if (!hex32.test(salt)) return bad('the salt is not 64 hex digits');
  if (!hex32.test(root)) return bad('the root is not 64 hex digits');
  if (!proof.every((p) => hex32.test(p))) return bad('a proof hash is not 64 hex digits');
  return ok({ commitment: { count, root }, inclusion: { salt, index, proof } });
}
