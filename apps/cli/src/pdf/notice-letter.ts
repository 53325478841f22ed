/**
 * @module The notice letter of a replacement pack (spec §9.2.7): the out-of-band channel that tells
 * a member, at the address on the roll, that a replacement pack was issued in their name, when and
 * why, and whom to contact if they did not ask for it. It goes in the post separately from the new
 * pack, so a pack replaced without the member's request is noticed even if the new pack is
 * intercepted. It never carries a voting code.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import PDFDocument from 'pdfkit';
import { printableText } from './printable-text.ts';

export interface ReplacementNotice {
  readonly organisation: string;
  readonly electionTitle: string;
  readonly name: string;
  /** Address lines, the postcode last. */
  readonly addressLines: readonly string[];
  /** When the replacement was issued, RFC 3339. */
  readonly issued: string;
  readonly reason: string;
  /** The pack that no longer works, if known. */
  readonly revokedPackId: string | null;
  readonly replacementPackId: string;
  /** Whom to contact if the member did not ask for it: not the returning officer alone. */
  readonly contact: string;
  readonly closes: string | null;
}

const REASON_TEXT: Readonly<Record<string, string>> = {
  lost: 'your pack was reported lost',
  damaged: 'your pack was reported damaged',
  'not-received': 'your pack was reported not received',
  'locked-out': 'your voting code was locked after wrong answers',
  compromised: 'your voting code was reported seen by someone else',
};

/** The letter's paragraphs, in order (what the PDF shows; tests read them). */
export function noticeLetterParagraphs(notice: ReplacementNotice): string[] {
  const date = notice.issued.slice(0, 10);
  return [
    `${notice.organisation}: ${notice.electionTitle}`,
    `Dear ${notice.name},`,
    `On ${date} (${notice.issued}) a replacement ballot pack was issued in your name, because ${REASON_TEXT[notice.reason] ?? notice.reason} (reason code "${notice.reason}").`,
    `The new pack (reference ${notice.replacementPackId}) comes in a separate envelope. ${
      notice.revokedPackId === null
        ? 'Your previous pack'
        : `Your previous pack (reference ${notice.revokedPackId})`
    } no longer works: its voting code is refused online and its paper ballot is not counted.`,
    `If you did not ask for a replacement, someone may be trying to vote in your name. Contact ${notice.contact} at once${
      notice.closes === null ? '' : `, before voting closes at ${notice.closes}`
    }, and quote the references above.`,
    'The number of replacement packs issued, by reason, is published on the election board while voting is open.',
  ];
}

/** Writes the letter as a one-page A4 PDF, the address where a DL window envelope shows it. */
export async function writeNoticeLetter(path: string, notice: ReplacementNotice): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const mm = 72 / 25.4;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 20 * mm,
    info: {
      Title: `${notice.electionTitle}: replacement pack notice`,
      Author: notice.organisation,
      Creator: 'scrutineer packs replace',
    },
  });
  const out = createWriteStream(path);
  doc.pipe(out);
  const p = printableText;
  doc.font('Helvetica').fontSize(11);
  doc.text(p([notice.name, ...notice.addressLines].join('\n')), 20 * mm, 50 * mm, {
    width: 90 * mm,
  });
  doc.moveDown(4);
  const [heading, ...rest] = noticeLetterParagraphs(notice);
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(p(heading ?? ''), 20 * mm, 100 * mm);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const paragraph of rest) doc.text(p(paragraph), { width: 170 * mm }).moveDown();
  const finished = once(out, 'finish');
  doc.end();
  await finished;
}
