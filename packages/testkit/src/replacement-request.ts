/**
 * @module Test helper: a replacement-pack request (spec §9.5 `credential-replaced`) as the
 * registrar's tooling makes it — a fresh voter, its answers hash, and the approval signed with
 * the registrar's key (or any other key, for an attack) over the body the board will append.
 */
import { bytesToHex } from '@scrutineer/crypto';
import { type ReplacementReason, signReplacementApproval } from '@scrutineer/record';
import { type ReplacementRequestFile, hashSecurityAnswers } from '@scrutineer/protocol';
import { TEST_ARGON2, type TestElection, type TestVoter, makeVoter } from './test-election.ts';

export interface ReplacementRequestBody {
  readonly revoke: { readonly credential: string };
  readonly replacement: ReplacementRequestFile['replacement'];
  readonly reason: ReplacementReason;
  readonly approval: string;
}

/**
 * A request revoking `revoked` for a new voter `index`, approved by `signer` (default: the
 * registrar's key of the election's manifest).
 */
export async function replacementRequest(
  election: TestElection,
  revoked: TestVoter,
  index: number,
  options: { readonly reason?: ReplacementReason; readonly signer?: bigint } = {}
): Promise<{ body: ReplacementRequestBody; voter: TestVoter }> {
  const group = election.setup.group;
  const voter = makeVoter(group, election.electionId, index);
  const reason = options.reason ?? 'lost';
  const signer = options.signer ?? election.approverSecretKey;
  if (signer === null) throw new Error('the election has no replacement approver: pass a signer');
  // Spec §9.5.3: with a postal channel the new pack's return commitment is part of what is approved.
  const returnCommitment = election.manifest.channels.postal
    ? voter.postalReturn.commitment
    : undefined;
  const approval = signReplacementApproval(group, bytesToHex(election.setup.baseHash), signer, {
    revoked: revoked.credential,
    replacement: voter.credential,
    ...(returnCommitment === undefined ? {} : { return: returnCommitment }),
    reason,
  });
  const answersHash = await hashSecurityAnswers(['dob', 'postcode'], voter.answers, TEST_ARGON2);
  return {
    body: {
      revoke: { credential: revoked.credential },
      replacement: {
        key: voter.credential,
        answersHash,
        ...(returnCommitment === undefined ? {} : { returnCommitment }),
      },
      reason,
      approval,
    },
    voter,
  };
}
