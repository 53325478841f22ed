/**
 * @module @scrutineer/crypto: the cryptographic core (docs/spec §2–§8). Imports nothing of ours.
 */
export * from './bytes.ts';
export * from './group.ts';
export * from './scalar.ts';
export * from './random.ts';
export * from './sealed-state.ts';
export * from './hash.ts';
export { RecordTag, BoardMacTag, ALL_DOMAIN_TAGS } from './domain-tags.ts';
export * from './equation.ts';
export * from './proof-context.ts';
export * from './elgamal.ts';
export { nobleGroup } from './backends/noble.ts';
export {
  proveSchnorr,
  verifySchnorr,
  schnorrEquation,
  schnorrChallenge,
  type SchnorrProof,
} from './proofs/schnorr.ts';
export {
  proveChaumPedersen,
  verifyChaumPedersen,
  chaumPedersenEquations,
  chaumPedersenChallenge,
  type ChaumPedersenProof,
  type EqualLogsStatement,
} from './proofs/chaum-pedersen.ts';
export { CROCKFORD_ALPHABET } from './credential/crockford-base32.ts';
export { CredentialError, type CredentialErrorCode } from './credential/credential-error.ts';
export {
  votingCodeEntropyBits,
  VOTING_CODE_DATA_SYMBOLS,
  VOTING_CODE_SYMBOLS,
  VOTING_CODE_DATA_BYTES,
  votingCodeFromData,
  encodeVotingCodeData,
  generateVotingCode,
  formatVotingCode,
  parseVotingCode,
  type VotingCode,
  type VotingCodeError,
  type ParseVotingCodeResult,
} from './credential/voting-code.ts';
export {
  deriveCredentialKey,
  deriveCredentialSecretKey,
  type CredentialKeyPair,
} from './credential/credential-key.ts';
export { encodeSchnorrProof, decodeSchnorrProof } from './proofs/schnorr.ts';
export { encodeChaumPedersenProof, decodeChaumPedersenProof } from './proofs/chaum-pedersen.ts';
export {
  proveRange,
  verifyRange,
  rangeEquations,
  rangeChallenge,
  encodeRangeProof,
  decodeRangeProof,
  MAX_RANGE_WIDTH,
  RangeProofError,
  type IntegerRange,
  type RangeProof,
  type RangeProofBranch,
  type RangeProofErrorCode,
} from './proofs/range.ts';
export {
  sign,
  signWithNonce,
  verifySignature,
  signatureEquation,
  signatureChallenge,
  encodeSignature,
  decodeSignature,
  SIGNATURE_BYTES,
  type Signature,
} from './signature.ts';
export { discreteLogUnsafe, MAX_DISCRETE_LOG_BOUND } from './dlog.ts';
export { loadSodiumGroup } from './backends/sodium.ts';
export {
  loadGroup,
  loadFastestGroup,
  loadBrowserGroup,
  type Backend,
} from './backends/load-group.ts';
export { loadWasmGroup } from './backends/wasm.ts';
export { NativeBackendUnavailable } from './backends/native-unavailable.ts';
export {
  CeremonyError,
  validateCeremonyParameters,
  assertTrusteeIndex,
  MAX_TRUSTEES,
  type CeremonyErrorCode,
  type CeremonyParameters,
} from './ceremony/ceremony-parameters.ts';
export {
  randomPolynomial,
  evaluatePolynomial,
  commitPolynomial,
  evaluateCommitmentsUnsafe,
  type Polynomial,
  type ScalarSource,
} from './ceremony/polynomial.ts';
export {
  createTrusteeKey,
  verifyTrusteeKey,
  trusteeKeyProofContext,
  findInvalidTrusteeKey,
  encodeTrusteePublicKey,
  decodeTrusteePublicKey,
  TRUSTEE_PUBLIC_KEY_BYTES,
  type TrusteeKey,
  type TrusteeKeyPair,
  type TrusteePublicKey,
} from './ceremony/trustee-key.ts';
export {
  commitCoefficients,
  coefficientProofContext,
  verifyCoefficientCommitments,
  verifyShare,
  electionKey,
  verificationKeyUnsafe,
  encodeCoefficientCommitments,
  decodeCoefficientCommitments,
  type CoefficientCommitments,
} from './ceremony/commitments.ts';
export {
  encryptShare,
  decryptShare,
  openShareWithSharedPoint,
  encodeEncryptedShare,
  decodeEncryptedShare,
  decodeShareCiphertext,
  ENCRYPTED_SHARE_BYTES,
  SHARE_CIPHERTEXT_BYTES,
  type EncryptedShare,
  type ShareFaultCode,
  type ShareOpening,
} from './ceremony/share-encryption.ts';
export {
  fileComplaint,
  complaintProofContext,
  verifyComplaint,
  judgeComplaint,
  encodeShareComplaint,
  decodeShareComplaint,
  SHARE_COMPLAINT_BYTES,
  type ShareComplaint,
  type ComplaintVerdict,
} from './ceremony/complaint.ts';
export {
  dealShares,
  receiveShare,
  deriveSecretShare,
  type Dealing,
} from './ceremony/key-ceremony.ts';
export {
  concludeCeremony,
  type CeremonyTranscript,
  type CeremonyResult,
  type CeremonyOutcome,
  type CeremonyFailure,
  type DealerDisqualification,
  type DisqualificationCode,
  type ComplaintRejection,
} from './ceremony/conclude-ceremony.ts';
export { DecryptionError, type DecryptionErrorCode } from './threshold/decryption-error.ts';
export {
  lagrangeCoefficientAtZero,
  lagrangeCoefficientsAtZero,
  scaledLagrangeCoefficientsAtZero,
  type ScaledLagrangeCoefficients,
} from './threshold/lagrange.ts';
export {
  aggregateBindings,
  createDecryptionShares,
  decryptionProofContext,
  verifyDecryptionShare,
  decryptionShareEquations,
  decryptionShareBatchesHoldUnsafe,
  findInvalidDecryptionShareBatchesUnsafe,
  findInvalidDecryptionSharesUnsafe,
  encodeDecryptionShare,
  decodeDecryptionShare,
  decodeDecryptionSharesPacked,
  DECRYPTION_SHARE_BYTES,
  type DecryptionTarget,
  type DecryptionShare,
  type DecryptionCheckpoint,
  type TrusteeShareBatch,
} from './threshold/decryption-share.ts';
export {
  combineSharesUnsafe,
  combineDecryptionsUnsafe,
  combineBatchesUnsafe,
  screenSubmissions,
  settleCombination,
  type CombineBatches,
  recoverPlaintextsUnsafe,
  type DecryptionSubmission,
  type CombineRequest,
  type CombinedDecryption,
  type CombineOutcome,
  type DecryptionFault,
  type PlaintextRecovery,
} from './threshold/combine.ts';
export {
  type PackedDecoding,
  type PackedRange,
  decodePacked,
  decodePoints,
  joinPacked,
  joinPackedRanges,
  packPoints,
  packedEncodings,
  packedPointCount,
  unpackPointRange,
  unpackPoints,
} from './point-transfer.ts';
export { shuffleGenerator, shuffleGenerators } from './mixnet/generators.ts';
export {
  MIX_SHUFFLE_TAGS,
  mixProofContext,
  shuffleRows,
  proveShuffle,
  verifyShuffle,
  shuffleEquations,
  shuffleShape,
  shuffleStatementDigest,
  permutationChallenges,
  shuffleChallenge,
  randomPermutation,
  encodeShuffleProof,
  encodeShuffleProofScalars,
  decodeShuffleProof,
  shuffleProofFrom,
  shuffleProofPoints,
  shuffleProofBytes,
  type CiphertextRow,
  type ShuffleStatement,
  type ShuffleWitness,
  type ShuffleProof,
  type ShuffleTags,
  type SecretSumMode,
  type ProveShuffleOptions,
} from './mixnet/shuffle.ts';
export {
  RANKING_TAGS,
  RANKING_STOP,
  MAX_RANKED_CANDIDATES,
  RankingError,
  rankingVector,
  publicRankingVector,
  encryptRanking,
  prepareRankedEncryption,
  rankedBallotEquations,
  verifyRankedBallot,
  rankingFromPrefix,
  type RankedEncryption,
} from './mixnet/ranked-ballot.ts';
export {
  rankedPositionBindings,
  rankedRoundTargets,
  rankedRoundTargetsOf,
  rankedPlaintextLookup,
  type RankedTarget,
} from './mixnet/ranked-decryption.ts';
