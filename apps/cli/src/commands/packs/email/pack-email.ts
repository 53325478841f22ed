/**
 * @module The message that carries a member's voting code by e-mail (spec §14.2): plain text only
 * (nothing to load, no tracking pixel, no link that carries the code), with the same instructions
 * as the printed pack. The booth link carries no code, so a link that is forwarded, logged or
 * previewed by a mail scanner reveals nothing; the member types the code or pastes it.
 */
import { listLabels } from '../../../pdf/pack-sheet.ts';
import type { ElectionDraft } from '../election-input.ts';

export interface PackEmailElection {
  readonly election: ElectionDraft;
  /** Spec §9.3 election fingerprint (from the board after the ceremony). */
  readonly fingerprint: string;
  readonly boothUrl: string;
  /** Whom the member contacts about the ballot (the returning officer), printed in every message. */
  readonly contact: string;
}

export interface PackEmailMember {
  readonly name: string;
  readonly email: string;
  /** The voting code, formatted `XXXX-XXXX-…`. */
  readonly code: string;
}

export interface PackEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Why this message was sent: the first issue, or a replacement that revoked the earlier code. */
export type PackEmailKind = 'issue' | 'replacement';

export function packEmail(
  context: PackEmailElection,
  member: PackEmailMember,
  kind: PackEmailKind = 'issue'
): PackEmail {
  const { election } = context;
  const asked = listLabels(election.questionLabels);
  const closes =
    election.closes === null
      ? 'before voting closes'
      : `before ${election.closes.replace('T', ' ').replace('Z', ' UTC')}`;
  const organisation = election.organisation === '' ? '' : `${election.organisation}: `;
  const lines = [
    `Dear ${member.name},`,
    '',
    kind === 'replacement'
      ? `This is your NEW voting code for ${election.title}. The code you had before no longer works.`
      : `This is your voting code for ${election.title}.`,
    '',
    `    ${member.code}`,
    '',
    `To vote, go to ${context.boothUrl} and type the code${asked === '' ? '' : `; you will also be asked your ${asked}`}. Vote ${closes}.`,
    '',
    `The voting website shows this election fingerprint. If it shows another, stop: you are not in this election.`,
    '',
    `    ${context.fingerprint}`,
    '',
    'Keep this message to yourself: the code is your vote. We will never ask you for your code or your answers by e-mail or telephone, and the link above never contains your code.',
    '',
    `If you did not expect this message, or someone else has used your code, contact ${context.contact}.`,
  ];
  return {
    to: member.email,
    subject: `${organisation}${kind === 'replacement' ? 'Your new voting code' : 'Your voting code'}: ${election.title}`,
    text: `${lines.join('\n')}\n`,
  };
}
