/**
 * @module The booth's crypto worker: derives the credential key from the code and signs the
 * sign-in challenge (spec §6.5, §10.5), encrypts and proves the ballot (spec §9.4; a ranked
 * contest's ranking as n + 1 position ciphertexts with its shuffle proof, §11.2) and opens it for a
 * device check, all with the noble backend off the main thread. The code is dropped as soon
 * as the key is derived; the secret key stays here until the voter leaves or casts.
 */
import {
  type Point,
  type VotingCode,
  deriveCredentialKey,
  hexToBytes,
  nobleGroup,
  parseVotingCode,
  prepareRankedEncryption,
} from '@scrutineer/crypto';
import { type EncryptedBallot, encryptBallot, openAuditedBallot } from '@scrutineer/protocol';
import { receiptMessage, signSignIn, verifyStatement } from '@scrutineer/record';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './worker-protocol.ts';

const group = nobleGroup;
let credential: { secretKey: bigint; publicKey: ReturnType<typeof group.multiplyBase> } | null =
  null;
let lastBallot: EncryptedBallot | null = null;
let prepared: { readonly hex: string; readonly point: Point } | null = null;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

/** The fixed-base table for K, built once per key, not once per ballot. */
function electionKey(hex: string): Point {
  if (prepared?.hex !== hex)
    prepared = { hex, point: group.prepareFixedBase(group.decodePoint(hexToBytes(hex))) };
  return prepared.point;
}

function handle(request: WorkerRequest): WorkerResult {
  switch (request.type) {
    case 'sign-in': {
      const parsed = parseVotingCode(request.code);
      if (!parsed.ok) throw new Error(parsed.error.code);
      const code: VotingCode = parsed.value;
      const pair = deriveCredentialKey(group, request.electionId, code);
      credential = pair;
      lastBallot = null;
      const signature = signSignIn(
        group,
        request.manifestHash,
        request.electionId,
        request.challenge,
        request.answers,
        pair.secretKey
      );
      const encoded = group.encodePoint(pair.publicKey);
      return {
        type: 'signed-in',
        credential: Array.from(encoded, (b) => b.toString(16).padStart(2, '0')).join(''),
        signature,
      };
    }
    case 'encrypt': {
      if (credential === null) throw new Error('not-signed-in');
      const preparing = performance.now();
      const key = electionKey(request.electionKey);
      const preparationMilliseconds = performance.now() - preparing;
      const setup = {
        group,
        manifest: request.manifest,
        electionKey: key,
        baseHash: hexToBytes(request.baseHash),
      };
      const started = performance.now();
      lastBallot = encryptBallot(setup, credential, request.choices, request.style);
      const milliseconds = performance.now() - started;
      return {
        type: 'encrypted',
        ballot: lastBallot.ballot,
        tracker: lastBallot.tracker,
        milliseconds,
        preparationMilliseconds,
      };
    }
    case 'prepare-ranked': {
      const started = performance.now();
      const key = electionKey(request.electionKey);
      const baseHash = hexToBytes(request.baseHash);
      for (const n of new Set(request.candidates)) prepareRankedEncryption(group, key, baseHash, n);
      return { type: 'prepared', milliseconds: performance.now() - started };
    }
    case 'open': {
      if (lastBallot === null) throw new Error('no-ballot');
      const audited = openAuditedBallot(lastBallot);
      // An opened ballot can never be cast (its randomness is public): forget it.
      lastBallot = null;
      return { type: 'opened', audited };
    }
    case 'verify-receipt': {
      const { signature, ...unsigned } = request.receipt;
      const valid = verifyStatement(
        group,
        request.manifestHash,
        group.decodePoint(hexToBytes(request.boardPublicKey)),
        receiptMessage(unsigned),
        signature
      );
      return { type: 'receipt-checked', valid };
    }
    case 'forget':
      credential = null;
      lastBallot = null;
      return { type: 'forgotten' };
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    scope.postMessage({ id: request.id, ok: true, result: handle(request) });
  } catch (error) {
    scope.postMessage({
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : 'worker-failed',
    });
  }
};
