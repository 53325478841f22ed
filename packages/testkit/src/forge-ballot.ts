/**
 * @module Test helper: the one ballot builder for honest and forged ballots alike (spec §9.4),
 * shared by the server's hostile-input suite and the verifier fixtures (scripts/fixtures). A plan
 * names each selection's plaintext (any integer, taken mod ℓ), optionally its randomness, and how
 * each range proof is made: proved honestly, simulated (the spec §5.3 prover run backwards: every
 * branch equation holds, only the Fiat–Shamir binding fails, threat A1), or proved by the honest
 * prover told a lie (the proof is well-formed, its equations fail, as a cheating booth would try,
 * A1/A5). It depends on the pure packages only, so the fixture scripts can import it.
 */
import {
  type Ciphertext,
  type Encryption,
  type Group,
  type IntegerRange,
  type Point,
  type RangeProof,
  GROUP_ORDER,
  addCiphertexts,
  bytesToHex,
  decodeCiphertext,
  encodeCiphertext,
  encodeRangeProof,
  encodeSignature,
  encodeU64,
  hexToBytes,
  proveRange,
  randomScalar,
  sign,
  sumCiphertexts,
  sumRandomness,
} from '@scrutineer/crypto';
import type { EncryptionSetup } from '@scrutineer/protocol';
import { type Ballot, type UnsignedBallot, ballotSigningMessage } from '@scrutineer/record';

/**
 * One selection: its plaintext and how its [0, 1] proof is made. Without `forge` or `claim` the
 * proof is honest when the plaintext is 0 or 1 and simulated otherwise.
 */
export interface SelectionPlan {
  /** Any integer, taken mod ℓ (so −1 encrypts ℓ − 1). */
  readonly vote: bigint;
  readonly randomness?: bigint;
  /** Simulate the proof (it wins over `claim`). */
  readonly forge?: boolean;
  /** Prove this value instead of the plaintext: a proof of a lie whose equations fail. */
  readonly claim?: bigint;
}

export interface BallotPlan {
  readonly contests: readonly {
    readonly selections: readonly SelectionPlan[];
    /** Simulate the total proof (it wins over `totalClaim`). */
    readonly forgeTotal?: boolean;
    /** Prove this total instead of the sum: a proof of a lie (an over- or under-vote). */
    readonly totalClaim?: bigint;
  }[];
  /** The credential the proofs are bound to and the ballot names. */
  readonly credentialHex: string;
  /** The key that signs (the credential's secret key, unless the attack has none). */
  readonly signingKey: bigint;
  /** The base hash the proofs are made in (another election's, for A2); defaults to this election's. */
  readonly proofBaseHash?: Uint8Array;
  readonly election?: string;
}

function modOrder(value: bigint): bigint {
  return ((value % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER;
}

/**
 * (r·G, m·G + r·K) for any m mod ℓ: what a cheating booth computes itself, since the library's
 * `encrypt` refuses plaintexts outside [0, ℓ − 1).
 */
export function encryptAnything(
  group: Group,
  key: Point,
  message: bigint,
  randomness: bigint
): Ciphertext {
  const m = modOrder(message);
  const keyTerm = group.multiply(key, randomness);
  return {
    alpha: group.multiplyBase(randomness),
    beta: m === 0n ? keyTerm : group.add(group.multiplyBase(m), keyTerm),
  };
}

/**
 * Spec §5.3, run backwards: for every branch j pick c_j and z_j at random and solve for the
 * commitments a_j = z_j·G − c_j·α, b_j = z_j·K − c_j·(β − j·G). Every branch equation holds for any
 * statement, true or false; only the binding Σ c_j = H(statement, commitments) fails, which is
 * exactly what a verifier with weak Fiat–Shamir (or none) would not notice (threat A1).
 */
export function simulateRangeProof(
  group: Group,
  publicKey: Point,
  ciphertext: Ciphertext,
  range: IntegerRange
): RangeProof {
  const branches = [];
  for (let j = range.min; j <= range.max; j++) {
    const challenge = randomScalar();
    const response = randomScalar();
    const shifted = group.subtract(ciphertext.beta, group.multiplyBase(j));
    branches.push({
      commitment1: group.subtract(
        group.multiplyBase(response),
        group.multiplyUnsafe(ciphertext.alpha, challenge)
      ),
      commitment2: group.subtract(
        group.multiplyUnsafe(publicKey, response),
        group.multiplyUnsafe(shifted, challenge)
      ),
      challenge,
      response,
    });
  }
  return { branches };
}

/** Signs an unsigned ballot with `secretKey` under `baseHash` (spec §9.4). */
export function signUnsignedBallot(
  group: Group,
  baseHash: Uint8Array,
  secretKey: bigint,
  unsigned: UnsignedBallot
): Ballot {
  const signature = sign(group, baseHash, secretKey, ballotSigningMessage(unsigned));
  return { ...unsigned, signature: bytesToHex(encodeSignature(group, signature)) };
}

/** The range proof of `encryption` for `range`, made as the plan says (see {@link SelectionPlan}). */
function planProof(
  setup: EncryptionSetup,
  context: { readonly baseHash: Uint8Array; readonly bindings: readonly Uint8Array[] },
  encryption: Encryption,
  plaintext: bigint,
  range: IntegerRange,
  how: { readonly forge: boolean; readonly claim: bigint | undefined }
): RangeProof {
  const { group, electionKey } = setup;
  const inRange = plaintext >= range.min && plaintext <= range.max;
  if (how.forge || (how.claim === undefined && !inRange))
    return simulateRangeProof(group, electionKey, encryption.ciphertext, range);
  const claimed = how.claim ?? plaintext;
  return proveRange(group, context, electionKey, encryption, claimed, range);
}

/** Builds, proves (or forges) and signs a ballot for `setup`'s election following `plan`. */
export function forgeBallot(setup: EncryptionSetup, plan: BallotPlan): Ballot {
  const { group, manifest, electionKey, baseHash } = setup;
  const proofBaseHash = plan.proofBaseHash ?? baseHash;
  const credentialBytes = hexToBytes(plan.credentialHex);
  const contests = manifest.contests.map((contest, c) => {
    const contestPlan = plan.contests[c];
    if (contestPlan === undefined) throw new Error(`plan has no contest ${c}`);
    const encryptions: Encryption[] = [];
    const votes: bigint[] = [];
    const selections = contestPlan.selections.map((selection, j) => {
      const randomness = selection.randomness ?? randomScalar();
      const vote = modOrder(selection.vote);
      const encryption = {
        ciphertext: encryptAnything(group, electionKey, vote, randomness),
        randomness,
      };
      encryptions.push(encryption);
      votes.push(vote);
      const proof = planProof(
        setup,
        { baseHash: proofBaseHash, bindings: [credentialBytes, encodeU64(c), encodeU64(j)] },
        encryption,
        vote,
        { min: 0n, max: 1n },
        { forge: selection.forge === true, claim: selection.claim }
      );
      return {
        ciphertext: bytesToHex(encodeCiphertext(group, encryption.ciphertext)),
        proof: bytesToHex(encodeRangeProof(group, proof)),
      };
    });
    const total: Encryption = {
      ciphertext: sumCiphertexts(
        group,
        encryptions.map((e) => e.ciphertext)
      ),
      randomness: sumRandomness(encryptions.map((e) => e.randomness)),
    };
    const totalProof = planProof(
      setup,
      { baseHash: proofBaseHash, bindings: [credentialBytes, encodeU64(c)] },
      total,
      modOrder(votes.reduce((a, b) => a + b, 0n)),
      { min: BigInt(contest.minSelections), max: BigInt(contest.maxSelections) },
      { forge: contestPlan.forgeTotal === true, claim: contestPlan.totalClaim }
    );
    return { selections, totalProof: bytesToHex(encodeRangeProof(group, totalProof)) };
  });
  return signUnsignedBallot(group, baseHash, plan.signingKey, {
    election: plan.election ?? manifest.electionId,
    credential: plan.credentialHex,
    contests,
  });
}

/**
 * Threat A8: adds an encryption of 0 to every ciphertext of `ballot`, keeping its proofs and its
 * (now stale) signature; callers re-sign as the attack needs.
 */
export function rerandomiseBallot(setup: EncryptionSetup, ballot: Ballot): Ballot {
  const { group, electionKey } = setup;
  return {
    ...ballot,
    contests: ballot.contests.map((contest) => ({
      ...contest,
      selections: contest.selections.map((selection) => {
        const ciphertext = decodeCiphertext(group, hexToBytes(selection.ciphertext), {
          allowIdentity: false,
        });
        const zero = encryptAnything(group, electionKey, 0n, randomScalar());
        return {
          ...selection,
          ciphertext: bytesToHex(encodeCiphertext(group, addCiphertexts(group, ciphertext, zero))),
        };
      }),
    })),
  };
}
