/**
 * @module What the voter's device does (spec §9.4): encrypt each selection under the election key,
 * prove each is 0 or 1 and each contest's total is within its limits, bind every proof to the
 * credential, and sign. Also the Benaloh opening of a ballot the voter chose to audit.
 */
import {
  type Encryption,
  type Group,
  type Point,
  bytesToHex,
  encodeCiphertext,
  encodeRangeProof,
  encodeScalar,
  encodeShuffleProof,
  encryptRanking,
  rankingVector,
  encodeSignature,
  encodeU64,
  encrypt,
  proveRange,
  sign,
  sumCiphertexts,
  sumRandomness,
} from '@scrutineer/crypto';
import {
  type AuditedBallot,
  type Ballot,
  type Manifest,
  type UnsignedBallot,
  type Result,
  ballotSigningMessage,
  computeTracker,
  err,
  isRankedContest,
  ok,
} from '@scrutineer/record';

/**
 * The voter's choices: for each contest in manifest order, the 0-based indices of the chosen
 * candidates. For a ranked contest (spec §11.2) the order is the preference order, first
 * preference first, and any number 0 … n may be ranked; the encoding's 1-based candidate numbers
 * are made here and nowhere else on the booth's side.
 */
export type Choices = readonly (readonly number[])[];

/** What the booth needs to encrypt for one election. */
export interface EncryptionSetup {
  readonly group: Group;
  readonly manifest: Manifest;
  /** The election key K (prepared with group.prepareFixedBase for speed). */
  readonly electionKey: Point;
  /** The base hash h, 32 bytes. */
  readonly baseHash: Uint8Array;
}

/** A freshly encrypted ballot and the secrets the booth keeps until the voter casts or audits. */
export interface EncryptedBallot {
  readonly ballot: Ballot;
  readonly tracker: string;
  /** Per contest, per option: the plaintext (0/1) and randomness. Secret; only an audit reveals it. */
  readonly secrets: readonly (readonly { readonly vote: 0 | 1; readonly randomness: bigint }[])[];
  /**
   * Per ballot entry: for a ranked contest the plaintext vector v (spec §11.2 eq. (11.0), 1-based
   * candidates, STOP 0, the unranked) and each position's randomness; undefined for the others.
   * Secret; only an audit reveals it.
   */
  readonly rankedSecrets: readonly (
    { readonly values: readonly number[]; readonly randomness: readonly bigint[] } | undefined
  )[];
}

/** Why choices do not fit the manifest (spec §9.2.1); `contest` is -1 for the ballot as a whole. */
export interface ChoiceFault {
  readonly code:
    'ballot/too-few-selections' | 'ballot/too-many-selections' | 'ballot/invalid-choice';
  readonly contest: number;
  readonly message: string;
}

/**
 * Checks the choices against the manifest's selection limits (spec §9.2.1). With a ballot style
 * (`style`: the manifest indexes of the credential's contests, spec §13.2) the contests outside
 * it must be left empty and are not checked against their limits.
 */
export function checkChoices(
  manifest: Manifest,
  choices: Choices,
  style?: readonly number[]
): Result<true, ChoiceFault> {
  if (choices.length !== manifest.contests.length)
    return err({
      code: 'ballot/invalid-choice',
      contest: -1,
      message: `expected choices for ${manifest.contests.length} contests`,
    });
  for (const [c, contest] of manifest.contests.entries()) {
    const chosen = choices[c] ?? [];
    if (style !== undefined && !style.includes(c)) {
      if (chosen.length > 0)
        return err({
          code: 'ballot/invalid-choice',
          contest: c,
          message: `${contest.id} is not on this member's ballot`,
        });
      continue;
    }
    if (
      new Set(chosen).size !== chosen.length ||
      chosen.some((j) => !Number.isInteger(j) || j < 0 || j >= contest.candidates.length)
    )
      return err({
        code: 'ballot/invalid-choice',
        contest: c,
        message: `invalid or repeated candidate in ${contest.id}`,
      });
    if (chosen.length < contest.minSelections)
      return err({
        code: 'ballot/too-few-selections',
        contest: c,
        message: `${contest.id} needs at least ${contest.minSelections}`,
      });
    if (chosen.length > contest.maxSelections)
      return err({
        code: 'ballot/too-many-selections',
        contest: c,
        message: `${contest.id} allows at most ${contest.maxSelections}`,
      });
  }
  return ok(true);
}

/**
 * Encrypts and proves a ballot (spec §9.4) and signs it with the credential secret key.
 * Every proof's context is (h; C, contest index[, option index]).
 */
export function encryptBallot(
  setup: EncryptionSetup,
  credential: { readonly secretKey: bigint; readonly publicKey: Point },
  choices: Choices,
  style?: readonly number[]
): EncryptedBallot {
  const { group, manifest, electionKey, baseHash } = setup;
  // The caller refuses bad choices with checkChoices first; reaching here with them is a bug.
  const checked = checkChoices(manifest, choices, style);
  if (!checked.ok)
    throw new Error(`encryptBallot: ${checked.error.code}: ${checked.error.message}`);
  const credentialBytes = group.encodePoint(credential.publicKey);
  const secrets: { vote: 0 | 1; randomness: bigint }[][] = [];
  const rankedSecrets: EncryptedBallot['rankedSecrets'][number][] = [];
  // Spec §13.2: a styled ballot covers exactly its style's contests, each entry naming its contest;
  // proofs bind the contest's manifest index c either way.
  const covered = manifest.contests
    .map((contest, c) => ({ contest, c }))
    .filter(({ c }) => style === undefined || style.includes(c));
  const contests = covered.map(({ contest, c }) => {
    const chosen = new Set(choices[c]);
    const contestBinding = [credentialBytes, encodeU64(c)];
    if (isRankedContest(contest)) {
      // Spec §11.2: choices are 0-based; the encoding numbers candidates 1 … n (0 is STOP).
      const ranking = (choices[c] ?? []).map((j) => j + 1);
      const n = contest.candidates.length;
      const encrypted = encryptRanking(
        group,
        electionKey,
        { baseHash, bindings: contestBinding },
        n,
        ranking
      );
      secrets.push([]);
      rankedSecrets.push({ values: rankingVector(n, ranking), randomness: encrypted.randomness });
      const ranked = {
        ciphertexts: encrypted.ciphertexts.map((e) => bytesToHex(encodeCiphertext(group, e))),
        proof: bytesToHex(encodeShuffleProof(group, encrypted.proof)),
      };
      return manifest.styles === undefined
        ? { selections: [], ranked }
        : { contest: contest.id, selections: [], ranked };
    }
    rankedSecrets.push(undefined);
    const encryptions: Encryption[] = [];
    const contestSecrets: { vote: 0 | 1; randomness: bigint }[] = [];
    const selections = contest.candidates.map((_, j) => {
      const vote = chosen.has(j) ? 1 : 0;
      const encryption = encrypt(group, electionKey, BigInt(vote));
      encryptions.push(encryption);
      contestSecrets.push({ vote, randomness: encryption.randomness });
      const proof = proveRange(
        group,
        { baseHash, bindings: [...contestBinding, encodeU64(j)] },
        electionKey,
        encryption,
        BigInt(vote),
        { min: 0n, max: 1n }
      );
      return {
        ciphertext: bytesToHex(encodeCiphertext(group, encryption.ciphertext)),
        proof: bytesToHex(encodeRangeProof(group, proof)),
      };
    });
    secrets.push(contestSecrets);
    const total: Encryption = {
      ciphertext: sumCiphertexts(
        group,
        encryptions.map((e) => e.ciphertext)
      ),
      randomness: sumRandomness(encryptions.map((e) => e.randomness)),
    };
    const totalProof = proveRange(
      group,
      { baseHash, bindings: contestBinding },
      electionKey,
      total,
      BigInt(chosen.size),
      {
        min: BigInt(contest.minSelections),
        max: BigInt(contest.maxSelections),
      }
    );
    const totalProofHex = bytesToHex(encodeRangeProof(group, totalProof));
    return manifest.styles === undefined
      ? { selections, totalProof: totalProofHex }
      : { contest: contest.id, selections, totalProof: totalProofHex };
  });
  const unsigned: UnsignedBallot = {
    election: manifest.electionId,
    credential: bytesToHex(credentialBytes),
    contests,
  };
  const signature = sign(group, baseHash, credential.secretKey, ballotSigningMessage(unsigned));
  const ballot: Ballot = { ...unsigned, signature: bytesToHex(encodeSignature(group, signature)) };
  return { ballot, tracker: computeTracker(ballot), secrets, rankedSecrets };
}

/** Spec §11.2: a ranked entry opened: its ciphertexts, plaintext vector and randomness. */
function rankedOpening(
  ranked: { readonly ciphertexts: readonly string[] } | undefined,
  secret: EncryptedBallot['rankedSecrets'][number]
): { ranked?: { ciphertexts: string[]; values: number[]; randomness: string[] } } {
  if (ranked === undefined) return {};
  if (secret === undefined) throw new Error('encrypted ballot secrets do not match its shape');
  return {
    ranked: {
      ciphertexts: [...ranked.ciphertexts],
      values: [...secret.values],
      randomness: secret.randomness.map((r) => bytesToHex(encodeScalar(r))),
    },
  };
}

/** Spec §9.4: the published form of a ballot the voter chose to audit (Benaloh challenge). */
export function openAuditedBallot(encrypted: EncryptedBallot): AuditedBallot {
  return {
    election: encrypted.ballot.election,
    tracker: encrypted.tracker,
    contests: encrypted.ballot.contests.map((contest, c) => ({
      ...(contest.contest === undefined ? {} : { contest: contest.contest }),
      ...rankedOpening(contest.ranked, encrypted.rankedSecrets[c]),
      selections: contest.selections.map((selection, j) => {
        const secret = encrypted.secrets[c]?.[j];
        if (secret === undefined)
          throw new Error('encrypted ballot secrets do not match its shape');
        return {
          ciphertext: selection.ciphertext,
          vote: secret.vote,
          randomness: bytesToHex(encodeScalar(secret.randomness)),
        };
      }),
    })),
  };
}
