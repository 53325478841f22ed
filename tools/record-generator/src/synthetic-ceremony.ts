/**
 * @module The setup of a synthetic election, played honestly by one process: manifest (spec §9.2)
 * with a 1-of-n contest, or a ranked (IRV) contest and its mix servers (§9.2.10), the trustees' key
 * ceremony (§7) written to the board, and the election key. The trustees' secret shares are kept
 * to decrypt the tally (and a ranked contest's rows) at the end, the mix servers' keys to sign
 * their mixes.
 */
import { type Group, type TrusteeKeyPair, randomScalar } from '@scrutineer/crypto';
import { type ContestSpec, simulatedManifest } from '@scrutineer/testkit';
import { type EventBody, type Manifest, manifestHash } from '@scrutineer/record';
import {
  checkReceivedShares,
  concludeCeremonyFromBodies,
  createCeremonyKey,
  dealCeremonyShares,
  electionKeyBody,
  finishCeremony,
} from '@scrutineer/protocol';
import type { BoardWriter } from './board-writer.ts';

export const SYNTHETIC_ELECTION_ID = 'synthetic-election';
/** Fixed, so that the record does not depend on the day it was generated. */
export const SYNTHETIC_START = '2026-11-01T09:00:00Z';

export interface SyntheticSetup {
  readonly manifest: Manifest;
  readonly manifestHash: string;
  readonly boardSecretKey: bigint;
  readonly trusteeKeys: readonly TrusteeKeyPair[];
  readonly secretShares: ReadonlyMap<number, bigint>;
  readonly keyBody: EventBody<'election-key'>;
  /** Mix server m's secret key at m − 1 (spec §9.2.10: the manifest lists the public keys). */
  readonly mixerSecretKeys: readonly bigint[];
}

/** Spec §9.2.10: a ranked contest's cascade, here of 3 mix servers (2 ≤ M ≤ 10). */
export const SYNTHETIC_MIXERS = 3;

/** The one contest: 1-of-n, or ranked by AV/IRV (spec §9.2.1: min 0, max n, `method: "irv"`). */
export function syntheticContest(candidates: number, ranked: boolean): ContestSpec {
  return {
    id: 'leader',
    title: 'Leader of the party',
    candidates: syntheticCandidates(candidates),
    ...(ranked
      ? { minSelections: 0, maxSelections: candidates, method: 'irv' }
      : { minSelections: 1, maxSelections: 1 }),
  };
}

export function syntheticCandidates(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `Candidate ${j + 1}`);
}

/** Writes `election-setup`, the ceremony messages and `election-key`, advancing `tick` per event. */
export function runSyntheticCeremony(
  group: Group,
  board: BoardWriter,
  options: {
    readonly voters: number;
    readonly candidates: number;
    readonly trustees: number;
    readonly threshold: number;
    /** A ranked contest and `mixers` mix servers (none drawn otherwise, so a 1-of-n record is unchanged). */
    readonly ranked: boolean;
    readonly mixers: number;
  },
  tick: () => string
): SyntheticSetup {
  const trusteeKeys = Array.from({ length: options.trustees }, (_, i) =>
    createCeremonyKey(group, SYNTHETIC_ELECTION_ID, i + 1)
  );
  const boardSecretKey = randomScalar();
  const mixerSecretKeys = options.ranked
    ? Array.from({ length: options.mixers }, () => randomScalar())
    : [];
  const manifest = simulatedManifest(group, {
    electionId: SYNTHETIC_ELECTION_ID,
    contests: [syntheticContest(options.candidates, options.ranked)],
    ...(options.ranked
      ? { mixerPublicKeys: mixerSecretKeys.map((key) => group.multiplyBase(key)) }
      : {}),
    trusteeKeys,
    threshold: options.threshold,
    boardPublicKey: group.multiplyBase(boardSecretKey),
    voters: options.voters,
    policy: 'first-ballot-final',
    start: SYNTHETIC_START,
    // No postal votes are generated, so the manifest offers none (and no return commitments).
    channels: { online: true, postal: false },
  });
  const hash = manifestHash(manifest);
  board.append('election-setup', SYNTHETIC_START, manifest);
  board.setSigner({
    group,
    electionId: manifest.electionId,
    manifestHash: hash,
    secretKey: boardSecretKey,
  });
  board.checkpoint();
  // Spec §7.3–§7.6: every trustee deals, checks what it received, and derives its share.
  const dealings = trusteeKeys.map((key) => dealCeremonyShares(group, manifest, key));
  for (const d of dealings) board.append('trustee-commitments', tick(), d.commitments);
  for (const d of dealings) board.append('trustee-shares', tick(), d.shares);
  const commitments = dealings.map((d) => d.commitments);
  const shares = dealings.map((d) => d.shares);
  const received = trusteeKeys.map((key, i) => {
    const dealing = dealings[i];
    if (dealing === undefined) throw new Error('missing dealing');
    return checkReceivedShares(group, manifest, key, dealing.dealing, commitments, shares);
  });
  const complaints = received.flatMap((r) => r.complaints);
  // Honest trustees never complain; a complaint here is a bug in the ceremony code.
  if (complaints.length > 0) throw new Error('honest synthetic ceremony produced a complaint');
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments,
    shares,
    complaints,
  });
  if (!concluded.ok) throw new Error(`the ceremony failed: ${concluded.error.message}`);
  const ceremony = concluded.value;
  const secretShares = new Map<number, bigint>();
  trusteeKeys.forEach((key, i) => {
    const t = key.publicKey.trustee;
    secretShares.set(
      t,
      finishCeremony(group, ceremony, t, received[i]?.shares ?? new Map<number, bigint>())
    );
  });
  const keyBody = electionKeyBody(group, ceremony);
  board.append('election-key', tick(), keyBody);
  board.checkpoint();
  return {
    manifest,
    manifestHash: hash,
    boardSecretKey,
    trusteeKeys,
    secretShares,
    keyBody,
    mixerSecretKeys,
  };
}
