/**
 * @module The one table of domain-separation tags (spec §3.3): every tag any Scrutineer hash or MAC
 * is framed with, in one place, so that none is reused for a second purpose. scripts/domain-tags
 * .test.ts checks that this table and the spec's are the same and that no other source file
 * spells a tag of its own.
 */

/** Fiat–Shamir challenges and derived keys: hashToScalar's tags (spec §3.2–§3.3, §5–§8). */
export const DomainTag = {
  schnorrProof: 'scrutineer/v1/schnorr-proof',
  chaumPedersenProof: 'scrutineer/v1/chaum-pedersen-proof',
  rangeProof: 'scrutineer/v1/range-proof',
  decryptionProof: 'scrutineer/v1/decryption-proof',
  signature: 'scrutineer/v1/signature',
  credentialKey: 'scrutineer/v1/credential-key',
  coefficientProof: 'scrutineer/v1/coefficient-proof',
  shareEncryptionKey: 'scrutineer/v1/share-encryption-key',
  shareComplaintProof: 'scrutineer/v1/share-complaint-proof',
  ceremonyKeyProof: 'scrutineer/v1/ceremony-key-proof',
  shuffleGenerator: 'scrutineer/v1/shuffle-generator',
  shufflePermutationChallenge: 'scrutineer/v1/shuffle-permutation-challenge',
  shuffleProof: 'scrutineer/v1/shuffle-proof',
  rankingPermutationChallenge: 'scrutineer/v1/ranking-permutation-challenge',
  rankingProof: 'scrutineer/v1/ranking-proof',
} as const;
export type DomainTag = (typeof DomainTag)[keyof typeof DomainTag];

/** The record's SHA-256 hashes and signed statements (spec §3.3 second table, §9–§10). */
export const RecordTag = {
  credentialList: 'scrutineer/v1/credential-list',
  postalReturn: 'scrutineer/v1/postal-return',
  baseHash: 'scrutineer/v1/base-hash',
  ballot: 'scrutineer/v1/ballot',
  tracker: 'scrutineer/v1/tracker',
  trusteeMessage: 'scrutineer/v1/trustee-message',
  credentialReplacement: 'scrutineer/v1/credential-replacement',
  checkpoint: 'scrutineer/v1/checkpoint',
  receipt: 'scrutineer/v1/receipt',
  signIn: 'scrutineer/v1/sign-in',
  rollLeaf: 'scrutineer/v1/roll-leaf',
  rehearsal: 'scrutineer/v1/rehearsal',
  rehearsalAlpha: 'scrutineer/v1/rehearsal-alpha',
  rehearsalBeta: 'scrutineer/v1/rehearsal-beta',
  postalAuditCommit: 'scrutineer/v1/postal-audit-commit',
  postalAuditSeed: 'scrutineer/v1/postal-audit-seed',
  postalAuditDraw: 'scrutineer/v1/postal-audit-draw',
  witnessCosignature: 'scrutineer/v1/witness-cosignature',
  forkEvidence: 'scrutineer/v1/fork-evidence',
  mixInput: 'scrutineer/v1/mix-input',
  mixStatement: 'scrutineer/v1/mix-statement',
  mixRequest: 'scrutineer/v1/mix-request',
} as const;
export type RecordTag = (typeof RecordTag)[keyof typeof RecordTag];

/** The board's own HMAC stamps (spec §3.3 third table): never in the record, never verified outside. */
export const BoardMacTag = {
  signInChallenge: 'scrutineer/v1/sign-in-challenge',
  session: 'scrutineer/v1/session',
} as const;
export type BoardMacTag = (typeof BoardMacTag)[keyof typeof BoardMacTag];

/** Every tag, for the check that none is used twice and the spec lists them all. */
export const ALL_DOMAIN_TAGS: readonly string[] = [
  ...Object.values(DomainTag),
  ...Object.values(RecordTag),
  ...Object.values(BoardMacTag),
];
