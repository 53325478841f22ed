/**
 * @module The trustee's crypto worker (spec §7.9.2): makes the ceremony key, deals, checks the
 * shares dealt to the trustee, concludes its secret share, and makes the rehearsal and the tally's
 * decryption shares, with the noble backend off the page's thread so the page stays responsive.
 * Before decrypting the tally it downloads nothing itself: the page hands it the record, and it
 * runs the independent verifier on it up to the announced checkpoint (spec §8.2).
 */
import { bytesToHex, decodeScalar, encodeScalar, hexToBytes, nobleGroup } from '@scrutineer/crypto';
import {
  checkReceivedShares,
  checkSealedTallyRecord,
  concludeTrusteeShare,
  createRehearsalShare,
  createTrusteeKeyFile,
  dealCeremonyShares,
  decryptTally,
  keyFileMatchesManifest,
  secretShareOf,
  trusteeKeyPair,
  withSecretShare,
} from '@scrutineer/protocol';
import { memoryRecordSource, verifyRecord } from '@scrutineer/verifier';
import type { TrusteeRequest, TrusteeResponse, TrusteeResult } from './trustee-worker-protocol.ts';

const group = nobleGroup;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrusteeRequest & { id: number }>) => void) | null;
  postMessage(message: TrusteeResponse): void;
};

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function handle(request: TrusteeRequest): Promise<TrusteeResult> {
  switch (request.type) {
    case 'create-key':
      return {
        type: 'key-created',
        file: createTrusteeKeyFile(group, request.electionId, request.trustee, request.name),
      };
    case 'deal': {
      must(keyFileMatchesManifest(request.manifest, request.file));
      const dealt = dealCeremonyShares(
        group,
        request.manifest,
        trusteeKeyPair(group, request.file)
      );
      return {
        type: 'dealt',
        ownShare: bytesToHex(encodeScalar(dealt.dealing.ownShare)),
        commitments: dealt.commitments,
        shares: dealt.shares,
      };
    }
    case 'check-shares': {
      const checked = checkReceivedShares(
        group,
        request.manifest,
        trusteeKeyPair(group, request.file),
        { ownShare: decodeScalar(hexToBytes(request.ownShare)) },
        request.bodies.commitments,
        request.bodies.shares
      );
      return {
        type: 'checked',
        good: [...checked.shares.keys()].sort((a, b) => a - b),
        complaints: checked.complaints,
      };
    }
    case 'conclude': {
      const concluded = must(
        concludeTrusteeShare(
          group,
          request.manifest,
          trusteeKeyPair(group, request.file),
          decodeScalar(hexToBytes(request.ownShare)),
          request.bodies,
          request.publishedKey
        )
      );
      return { type: 'concluded', file: withSecretShare(request.file, concluded.share) };
    }
    case 'rehearse': {
      const share = secretShareOf(request.file);
      if (share === undefined) throw new Error('no-secret-share');
      must(keyFileMatchesManifest(request.manifest, request.file));
      return {
        type: 'rehearsal',
        body: createRehearsalShare(
          group,
          request.manifest,
          request.electionKey,
          trusteeKeyPair(group, request.file),
          share
        ),
      };
    }
    case 'decrypt': {
      const share = secretShareOf(request.file);
      if (share === undefined) throw new Error('no-secret-share');
      const sealed = await checkSealedTallyRecord(request.record, request.checkpoint, (prefix) =>
        verifyRecord(memoryRecordSource(prefix), { group })
      );
      if (!sealed.ok) return { type: 'refused', ...sealed.error };
      must(keyFileMatchesManifest(sealed.value.manifest, request.file));
      return {
        type: 'decryption',
        body: decryptTally(
          group,
          sealed.value.manifest,
          hexToBytes(sealed.value.baseHash),
          trusteeKeyPair(group, request.file),
          share,
          sealed.value.tally,
          sealed.value.checkpoint
        ),
      };
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).then(
    (result) => scope.postMessage({ id: request.id, ok: true, result }),
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : 'worker-failed',
      })
  );
};
