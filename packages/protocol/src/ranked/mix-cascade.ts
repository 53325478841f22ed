/**
 * @module The mix cascade of a ranked contest (spec §11.5): the first mix server takes the valid
 * ranked ballots' ciphertext rows in board order, each later one takes its predecessor's output,
 * in the order the manifest names them. Each shuffles, re-encrypts and proves; secrecy holds if
 * any one of them is honest and keeps its permutation secret.
 */
import {
  type CiphertextRow,
  type Group,
  type Point,
  type ShuffleProof,
  MIX_SHUFFLE_TAGS,
  mixProofContext,
  proveShuffle,
  shuffleRows,
  verifyShuffle,
} from '@scrutineer/crypto';

/** One mix server's contribution: its input, output and proof (the `mix` event, spec §9 / §11.5). */
export interface MixStep {
  /** 1-based position in the cascade, as the manifest names the mixers. */
  readonly mixer: number;
  readonly inputs: readonly CiphertextRow[];
  readonly outputs: readonly CiphertextRow[];
  readonly proof: ShuffleProof;
}

export interface MixInput {
  readonly baseHash: Uint8Array;
  readonly publicKey: Point;
  readonly contest: number;
  readonly mixer: number;
  readonly inputs: readonly CiphertextRow[];
}

/**
 * Spec §11.5: one mix server's shuffle and proof. The prover's secret sums run in variable time:
 * at 160,000 rows the constant-time ladder would triple the time, and a mix server's timing is
 * not observable by anyone who could use it (spec §11.5 says why).
 */
export function mixRankedRows(group: Group, input: MixInput): MixStep {
  const { outputs, witness } = shuffleRows(group, input.publicKey, input.inputs);
  const proof = proveShuffle(
    group,
    MIX_SHUFFLE_TAGS,
    mixProofContext(input.baseHash, input.contest, input.mixer),
    { publicKey: input.publicKey, inputs: input.inputs, outputs },
    witness,
    { secretSums: 'variable-time' }
  );
  return { mixer: input.mixer, inputs: input.inputs, outputs, proof };
}

/**
 * Spec §11.5: the first mixer of the cascade whose step does not hold, or null when all do:
 * its input is not its predecessor's output (the first's: the ballots), or its proof fails.
 */
export function firstFaultyMixer(
  group: Group,
  baseHash: Uint8Array,
  publicKey: Point,
  contest: number,
  ballots: readonly CiphertextRow[],
  steps: readonly MixStep[]
): number | null {
  let expected = ballots;
  for (const step of steps) {
    const sameInput =
      step.inputs.length === expected.length &&
      step.inputs.every((row, i) => {
        const other = expected[i];
        return (
          other !== undefined &&
          row.length === other.length &&
          row.every(
            (c, k) =>
              other[k] !== undefined &&
              group.equals(c.alpha, other[k].alpha) &&
              group.equals(c.beta, other[k].beta)
          )
        );
      });
    if (
      !sameInput ||
      !verifyShuffle(
        group,
        MIX_SHUFFLE_TAGS,
        mixProofContext(baseHash, contest, step.mixer),
        { publicKey, inputs: step.inputs, outputs: step.outputs },
        step.proof
      )
    )
      return step.mixer;
    expected = step.outputs;
  }
  return null;
}
