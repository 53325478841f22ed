/**
 * @module The credential key (spec §6.5): the signing key a voter's ballot is signed with,
 * derived deterministically from the voting code and the election id, so the booth can rebuild
 * it from the printed code alone. The public keys C = c·G form the published credential list.
 *
 * The derivation binds the election id, not the base hash: the base hash covers the credential
 * list (spec §9.3), which is made of these keys, so it cannot be an input to them.
 */
import type { Group, Point } from '../group.ts';
import { DomainTag, hashParts } from '../hash.ts';
import { utf8 } from '../bytes.ts';
import { scalarFromWideBytes } from '../scalar.ts';
import { CredentialError } from './credential-error.ts';
import { encodeVotingCodeData, type VotingCode } from './voting-code.ts';

/** A voter's credential: secret scalar c and public key C = c·G (spec §6.5). */
export interface CredentialKeyPair {
  readonly secretKey: bigint;
  readonly publicKey: Point;
}

/**
 * Spec §6.5 eq. (6.6): c = LE(SHA-512(frame(utf8(tag)) ‖ frame(utf8(electionId)) ‖
 * frame(data))) mod ℓ, with tag `scrutineer/v1/credential-key` and data the 14-byte packing of
 * the code's data symbols (eq. (6.5)); the check symbols add nothing and are not hashed.
 * @throws {CredentialError} for an empty election id, or in the 2⁻²⁵² case c = 0.
 */
export function deriveCredentialSecretKey(electionId: string, code: VotingCode): bigint {
  if (electionId.length === 0) {
    throw new CredentialError('credential/empty-election-id', 'the election id must not be empty');
  }
  const digest = hashParts(DomainTag.credentialKey, [utf8(electionId), encodeVotingCodeData(code)]);
  const secretKey = scalarFromWideBytes(digest);
  if (secretKey === 0n) {
    throw new CredentialError(
      'credential/zero-key',
      'the code derives the zero scalar; issue another code'
    );
  }
  return secretKey;
}

/**
 * Spec §6.5 eq. (6.6)–(6.7): the credential key pair (c, C = c·G) of `code` in election
 * `electionId`. Deterministic: the same inputs give the same keys on every device and backend.
 * @example
 *   const parsed = parseVotingCode(typedText);
 *   if (parsed.ok) signBallot(deriveCredentialKey(group, manifest.electionId, parsed.value));
 */
export function deriveCredentialKey(
  group: Group,
  electionId: string,
  code: VotingCode
): CredentialKeyPair {
  const secretKey = deriveCredentialSecretKey(electionId, code);
  return { secretKey, publicKey: group.multiplyBase(secretKey) };
}
