/**
 * @module The end of the ceremony from one trustee's side (spec §7.6): once the officer's
 * `election-key` is on the board, the trustee concludes the ceremony itself from the board's
 * messages, refuses a published key that does not follow from them, and derives its secret share
 * xₗ from the shares it received. The CLI and the trustee's page both end the ceremony here.
 */
import { type Group, type TrusteeKeyPair } from '@scrutineer/crypto';
import { type EventBody, type Manifest, type Result, err, ok } from '@scrutineer/record';
import { concludeCeremonyFromBodies, electionKeyBody } from '../officer.ts';
import { checkReceivedShares, finishCeremony } from '../trustee.ts';

export interface CeremonyMessages {
  readonly commitments: readonly EventBody<'trustee-commitments'>[];
  readonly shares: readonly EventBody<'trustee-shares'>[];
  readonly complaints: readonly EventBody<'trustee-complaint'>[];
}

export interface ConcludeRefusal {
  readonly code: 'trustee/ceremony-concludes-to-no-key' | 'trustee/published-key-mismatch';
  readonly message: string;
}

export function concludeTrusteeShare(
  group: Group,
  manifest: Manifest,
  key: TrusteeKeyPair,
  ownShare: bigint,
  messages: CeremonyMessages,
  publishedKey: string
): Result<{ readonly share: bigint; readonly electionKey: string }, ConcludeRefusal> {
  const checked = checkReceivedShares(
    group,
    manifest,
    key,
    { ownShare },
    messages.commitments,
    messages.shares
  );
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments: [...messages.commitments],
    shares: [...messages.shares],
    complaints: [...messages.complaints],
  });
  if (!concluded.ok)
    return err({
      code: 'trustee/ceremony-concludes-to-no-key',
      message: `the ceremony on the board concludes to no key: ${concluded.error.message}`,
    });
  const expected = electionKeyBody(group, concluded.value);
  if (publishedKey !== expected.publicKey)
    return err({
      code: 'trustee/published-key-mismatch',
      message: 'the published election key is not the one the ceremony on the board concludes',
    });
  return ok({
    share: finishCeremony(group, concluded.value, key.publicKey.trustee, checked.shares),
    electionKey: expected.publicKey,
  });
}
