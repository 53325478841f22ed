/**
 * @module Whether the booth may say "confirmed" (spec §10.6.3): it fetches, for the receipt's
 * position, the inclusion proof to the latest checkpoint that covers it, that checkpoint, the line
 * and the witnesses' co-signatures, and decides on this device with the record's rule. The board's
 * word is never taken: a board that showed this voter a log of its own gets no quorum for it.
 */
import { nobleGroup } from '@scrutineer/crypto';
import {
  type ConfirmationReads,
  type Manifest,
  type Receipt,
  checkConfirmation as checkWithReads,
} from '@scrutineer/record';
import { api } from '../api.ts';

export function apiConfirmationReads(electionId: string): ConfirmationReads {
  return {
    inclusion: (position) => api.inclusion(electionId, position),
    checkpoint: async (size) => (await api.checkpoints(electionId, size, 1)).checkpoints[0],
    line: async (position) => (await api.event(electionId, position)).line,
    cosignatures: async (size) => (await api.cosignatures(electionId, size)).cosignatures,
  };
}

/** Spec §10.6.3 on this device, with the noble group (the booth's main thread has no libsodium). */
export function checkConfirmation(
  manifest: Manifest,
  receipt: Receipt,
  reads: ConfirmationReads
): ReturnType<typeof checkWithReads> {
  return checkWithReads(nobleGroup, manifest, receipt, reads);
}
