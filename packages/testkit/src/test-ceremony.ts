/**
 * @module Test helper: the trustees' key ceremony (spec §7) on a real board, every trustee played
 * honestly in this process with the protocol package's trustee code: each deals and posts its
 * signed commitments and encrypted shares through the service layer, checks what it received,
 * and derives its share; the officer concludes the ceremony and publishes the election key.
 */
import assert from 'node:assert/strict';
import type { TrusteeKeyPair } from '@scrutineer/crypto';
import { completeCeremony, dealCeremonyShares, electionKeyBody } from '@scrutineer/protocol';
import type { EventBody, Manifest } from '@scrutineer/record';
import { postElectionKey, postTrusteeMessage, type ServiceContext } from '@scrutineer/server';

export interface TestCeremony {
  /** The `election-key` body posted. */
  readonly keyBody: EventBody<'election-key'>;
  /** Trustee index → its secret share xₗ. */
  readonly trusteeShares: ReadonlyMap<number, bigint>;
}

/** Runs the ceremony of `manifest`'s election (already created on the board) and posts its key. */
export async function runTestCeremony(
  service: ServiceContext,
  manifest: Manifest,
  trusteeKeys: readonly TrusteeKeyPair[]
): Promise<TestCeremony> {
  const { group } = service;
  const { electionId } = manifest;
  const dealings = trusteeKeys.map((key) => dealCeremonyShares(group, manifest, key));
  for (const d of dealings)
    await postTrusteeMessage(service, electionId, 'trustee-commitments', d.commitments);
  for (const d of dealings)
    await postTrusteeMessage(service, electionId, 'trustee-shares', d.shares);
  const { complaints, ceremony, trusteeShares } = completeCeremony(
    group,
    manifest,
    trusteeKeys,
    dealings
  );
  // Honest trustees never complain; a complaint here is a bug in the ceremony code.
  assert.equal(complaints.length, 0, 'an honest ceremony produced a complaint');
  const keyBody = electionKeyBody(group, ceremony);
  await postElectionKey(service, electionId, keyBody);
  return { keyBody, trusteeShares };
}
