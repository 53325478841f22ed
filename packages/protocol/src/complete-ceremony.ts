/**
 * @module The key ceremony after the dealings are posted (spec §7.4–§7.6), every trustee played
 * in one process: the simulated election and the fixtures (which may post a dishonest dealing)
 * both finish their ceremonies here.
 */
import type { CeremonyResult, Group, TrusteeKeyPair } from '@scrutineer/crypto';
import type { EventBody, Manifest } from '@scrutineer/record';
import { concludeCeremonyFromBodies } from './officer.ts';
import { checkReceivedShares, type dealCeremonyShares, finishCeremony } from './trustee.ts';

/** What the key ceremony yields once every dealing is on the board. */
export interface CompletedCeremony {
  /** Signed complaints to post, in trustee order (spec §7.5). */
  readonly complaints: readonly EventBody<'trustee-complaint'>[];
  readonly ceremony: CeremonyResult;
  /** Trustee index → its secret share xₗ (spec §7.6). */
  readonly trusteeShares: ReadonlyMap<number, bigint>;
}

/**
 * Spec §7.4–§7.6 after the dealings are posted, every trustee played in one process: each checks
 * the shares dealt to it against the commitments (complaining about bad ones), the officer
 * concludes the ceremony from the posted bodies and complaints, and each derives its share.
 * `dealings[i]` is trustee `trusteeKeys[i]`'s, as posted (a fixture may post a dishonest one).
 */
export function completeCeremony(
  group: Group,
  manifest: Manifest,
  trusteeKeys: readonly TrusteeKeyPair[],
  dealings: readonly ReturnType<typeof dealCeremonyShares>[]
): CompletedCeremony {
  const commitments = dealings.map((d) => d.commitments);
  const shares = dealings.map((d) => d.shares);
  const received = trusteeKeys.map((key, i) =>
    checkReceivedShares(
      group,
      manifest,
      key,
      (dealings[i] as (typeof dealings)[number]).dealing,
      commitments,
      shares
    )
  );
  const complaints = received.flatMap((r) => r.complaints);
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments,
    shares,
    complaints,
  });
  if (!concluded.ok) throw new Error(`the ceremony failed: ${concluded.error.message}`);
  const ceremony = concluded.value;
  const trusteeShares = new Map<number, bigint>();
  trusteeKeys.forEach((key, i) => {
    const t = key.publicKey.trustee;
    trusteeShares.set(
      t,
      finishCeremony(group, ceremony, t, (received[i] as (typeof received)[number]).shares)
    );
  });
  return { complaints, ceremony, trusteeShares };
}
