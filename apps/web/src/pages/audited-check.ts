/**
 * @module The second half of a device check (spec §9.4, check V5.10), done on whatever device
 * looks the tracker up: the audited ballot is read from the board, the election key is recomputed
 * from the trustees' ceremony (as the booth does, spec §9.3.1), and every published opening is
 * checked against its ciphertext here. The member then compares the choices it encrypts with the
 * ones they made in the booth. Loaded on demand: it brings the noble group.
 */
import { hexToBytes, nobleGroup } from '@scrutineer/crypto';
import { parseBoardEvent } from '@scrutineer/record';
import { auditedBallotFault } from '@scrutineer/verifier';
import { api } from '../api.ts';
import { loadCheckedElection } from '../election-check.ts';
import { type AuditedChoice, auditedChoices } from './audited-choices.ts';

export interface AuditedCheck {
  /** Every opening holds and the tracker is that of the ciphertexts (V5.10). */
  readonly opensCorrectly: boolean;
  /** The ballot's contests (with styles, only its style's), each with what its openings chose. */
  readonly choices: readonly AuditedChoice[];
}

export async function checkAuditedBallot(
  electionId: string,
  tracker: string,
  position: number
): Promise<AuditedCheck> {
  const [election, line] = await Promise.all([
    loadCheckedElection(electionId),
    api.event(electionId, position),
  ]);
  const parsed = parseBoardEvent(JSON.parse(line.line));
  if (!parsed.ok || parsed.value.type !== 'ballot-audited')
    throw new Error('not an audited ballot');
  const audited = parsed.value.body;
  if (audited.tracker !== tracker || election.keys === null)
    throw new Error('not the audited ballot looked up');
  const electionKey = nobleGroup.decodePoint(hexToBytes(election.keys.electionKey));
  const fault = auditedBallotFault({ group: nobleGroup, electionKey }, audited);
  return {
    opensCorrectly: fault === null,
    choices: auditedChoices(election.manifest, audited.contests),
  };
}
