/**
 * @module One member's ballot pack on A4 (spec §9.5.3 "Secret papers"), two sheets:
 *
 * - sheet 1, the member's letter, folded in three for a DL window envelope: the election, the
 *   registrar's pack reference and the name and address block where a standard DL window shows it
 *   (20 mm from the left, 50 mm from the top, 90 × 35 mm); the voting code in groups of four with a
 *   QR code carrying it, the election fingerprint the booth shows, how to vote online, and the roll
 *   reference (the member id, entry and salt, and a QR code with the whole `ROLL1:` reference);
 *   and how to vote by post. Nothing on it is held by the board: the pack reference is the
 *   registrar's alone, and the code is the member's secret.
 * - sheet 2, what goes back by post, torn in two: the return slip (top third), which names no one
 *   and carries the credential key and the return secret in a QR code (`RETURN2:`) and in hex for
 *   typing, and goes in the outer envelope; and the ballot paper (the rest), which goes alone in
 *   the inner envelope and carries nothing that differs from one pack to another: the contests,
 *   the candidates in ballot order with boxes, and the election's official mark. A ballot too long
 *   for the two thirds goes on a sheet of its own.
 */
import { encodeReturnSlip } from '@scrutineer/protocol';
import { isRankedContest } from '@scrutineer/record';
import {
  type PackElection,
  type PackSheet,
  listLabels,
  selectionInstruction,
} from './pack-sheet.ts';
import { type PackText, packString, packText } from './pack-text.ts';
import { drawQrCode } from './qr-code.ts';

/** The page is drawn with PDFKit's document API. */
export type PageCanvas = PDFKit.PDFDocument;

/** Fonts by role; the standard ones unless a Unicode font was registered under these names. */
export interface PageFonts {
  readonly regular: string;
  readonly bold: string;
  readonly mono: string;
  readonly monoBold: string;
  /** Folds text the fonts cannot show (identity for a Unicode font). */
  readonly printable: (text: string) => string;
}

const MM = 72 / 25.4;
const PAGE_WIDTH = 210 * MM;
const LEFT = 20 * MM;
const RIGHT = 190 * MM;
const THIRD = 99 * MM;

function foldMarks(doc: PageCanvas): void {
  doc.save().lineWidth(0.5).strokeColor('#888888');
  for (const y of [THIRD, 2 * THIRD])
    doc
      .moveTo(0, y)
      .lineTo(6 * MM, y)
      .moveTo(PAGE_WIDTH - 6 * MM, y)
      .lineTo(PAGE_WIDTH, y)
      .stroke();
  doc.restore();
}

function topThird(
  doc: PageCanvas,
  fonts: PageFonts,
  t: PackText,
  election: PackElection,
  sheet: PackSheet
): void {
  const p = fonts.printable;
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(12)
    .text(p(election.organisation), LEFT, 14 * MM, { width: 100 * MM });
  doc
    .font(fonts.regular)
    .fontSize(10)
    .text(p(election.title), LEFT, doc.heightOfString('x') + 15 * MM, { width: 100 * MM });
  const column = 128 * MM;
  const width = RIGHT - column;
  doc
    .font(fonts.bold)
    .fontSize(11)
    .text(p(t.heading('letter.heading')), column, 14 * MM, { width });
  // Below the heading, which wraps when it is in two languages.
  const detailsTop = Math.max(20 * MM, doc.y + 1 * MM);
  doc.font(fonts.regular).fontSize(t.size(8.5));
  const details = [
    t.paragraph('letter.memberNumber', { memberId: sheet.memberId }),
    t.paragraph('letter.packReference', { packId: sheet.packId }),
  ];
  if (election.closes !== null)
    details.push(
      t.paragraph('letter.closes', {
        closes: election.closes.replace('T', ' ').replace('Z', ' UTC'),
      })
    );
  doc.text(p(details.join('\n')), column, detailsTop, { width, lineGap: 1.5 });
  // The return line sits just above the window; the address block inside it.
  doc
    .font(fonts.regular)
    .fontSize(t.size(6.5))
    .fillColor('#444444')
    .text(
      p(t.heading('letter.returnAddress', { organisation: election.organisation })),
      LEFT,
      46 * MM,
      {
        width: 90 * MM,
        lineBreak: false,
      }
    );
  const lines = [sheet.name, ...sheet.addressLines].slice(0, 7);
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(10)
    .text(p(lines[0] ?? ''), LEFT + 2 * MM, 52 * MM, { width: 86 * MM, lineBreak: false });
  doc
    .font(fonts.regular)
    .fontSize(10)
    .text(p(lines.slice(1).join('\n')), LEFT + 2 * MM, 52 * MM + 12.5, {
      width: 86 * MM,
      lineGap: 0.5,
    });
}

function middleThird(
  doc: PageCanvas,
  fonts: PageFonts,
  t: PackText,
  election: PackElection,
  sheet: PackSheet
): void {
  const p = fonts.printable;
  const top = THIRD + 5 * MM;
  const textWidth = 124 * MM;
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(13)
    .text(p(t.heading('code.heading')), LEFT, top);
  doc
    .font(fonts.monoBold)
    .fontSize(17)
    .text(sheet.code, LEFT, top + 7 * MM, { lineBreak: false });
  drawQrCode(doc, sheet.code, 150 * MM, THIRD + 2 * MM, 40 * MM, 'M');
  const fingerprint =
    election.fingerprint === null
      ? t.paragraph('fingerprint.pending')
      : t.paragraph('fingerprint.value', { fingerprint: election.fingerprint });
  doc
    .font(fonts.bold)
    .fontSize(t.size(10))
    .text(p(fingerprint), LEFT, top + 16 * MM, { width: textWidth });
  doc.font(fonts.regular).fontSize(t.size(8.5));
  doc.text(p(t.paragraph('fingerprint.warning')), { width: textWidth });
  const boothUrl = election.boothUrl;
  const labels = election.questionLabels;
  const online = t.paragraphOf((language) => {
    const where = boothUrl ?? packString(language, 'online.website');
    const asked = listLabels(labels, language);
    return asked === ''
      ? packString(language, 'online.steps', { where })
      : packString(language, 'online.stepsWithQuestions', { where, questions: asked });
  });
  const closes = election.closes;
  const postal = t.paragraphOf(
    (language) =>
      `${packString(language, 'post.summary', {
        before:
          closes === null
            ? packString(language, 'post.beforeClose')
            : packString(language, 'post.beforeTime', {
                closes: closes.replace('T', ' ').replace('Z', ' UTC'),
              }),
      })} ${packString(language, 'post.once')}`
  );
  doc
    .moveDown(0.6)
    .font(fonts.bold)
    .fontSize(t.size(9.5))
    .text(p(t.heading('online.heading')), { width: textWidth });
  doc.font(fonts.regular).fontSize(t.size(8.5)).text(p(online), { width: textWidth, lineGap: 0.5 });
  doc
    .moveDown(0.4)
    .font(fonts.bold)
    .fontSize(t.size(9.5))
    .text(p(t.heading('post.heading')), { width: textWidth });
  doc.font(fonts.regular).fontSize(t.size(8.5)).text(p(postal), { width: textWidth, lineGap: 0.5 });
  // The roll reference: enough to read by eye, the whole of it in the QR code.
  // Below the instructions, which run longer in two languages.
  const rollTop = Math.max(THIRD + 70 * MM, doc.y + 1.5 * MM);
  doc
    .font(fonts.bold)
    .fontSize(t.size(8))
    .text(p(t.heading('roll.heading')), LEFT, rollTop, { width: textWidth });
  doc
    .font(fonts.regular)
    .fontSize(t.size(7))
    .text(p(t.paragraph('roll.entry', { index: sheet.roll.index, count: sheet.roll.count })), {
      width: textWidth,
      lineGap: 0.3,
    });
  doc
    .font(fonts.mono)
    .fontSize(6.2)
    .text(p(`scrutineer roll check --member-id ${sheet.memberId} --reference <QR>`), {
      width: textWidth,
    });
  doc
    .font(fonts.mono)
    .fontSize(6.2)
    .text(`salt ${sheet.roll.salt}\nroot ${sheet.roll.root}`, { width: textWidth, lineGap: 0.5 });
  drawQrCode(doc, sheet.roll.reference, 147 * MM, THIRD + 49 * MM, 46 * MM, 'L');
}

/** Height of the ballot's contests at `row` points a candidate. */
function ballotHeight(election: PackElection, row: number): number {
  return election.contests.reduce((sum, c) => sum + 16 * MM + c.candidates.length * row, 0);
}

/**
 * Spec §9.5.3: the official mark, the same on every ballot paper of the election (its fingerprint
 * once known), so it tells a paper of this election from another and can link none to a pack.
 */
function officialMark(
  doc: PageCanvas,
  fonts: PageFonts,
  t: PackText,
  election: PackElection,
  top: number
): void {
  const p = fonts.printable;
  const mark = election.fingerprint ?? election.electionId;
  const x = 134 * MM;
  const width = RIGHT - x;
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor('#000000')
    .rect(x, top, width, 14 * MM)
    .stroke()
    .restore();
  doc
    .font(fonts.bold)
    .fontSize(7)
    .text(p(t.heading('mark.heading')), x, top + 1.5 * MM, { width, align: 'center' });
  doc
    .font(fonts.mono)
    .fontSize(7)
    .text(p(mark), x + 1 * MM, top + 5.5 * MM, {
      width: width - 2 * MM,
      align: 'center',
    });
}

/** The return slip (spec §9.5.3): the credential and return secret; no name, no pack reference. */
function returnSlip(
  doc: PageCanvas,
  fonts: PageFonts,
  t: PackText,
  election: PackElection,
  sheet: PackSheet
): void {
  const p = fonts.printable;
  const top = 12 * MM;
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(13)
    .text(p(t.heading('slip.heading')), LEFT, top);
  doc
    .font(fonts.regular)
    .fontSize(9)
    .text(p(`${election.organisation}: ${election.title}`), LEFT, top + 7 * MM, {
      width: 120 * MM,
    });
  doc.fontSize(t.size(8.5)).text(p(t.paragraph('slip.instructions')), LEFT, top + 14 * MM, {
    width: 120 * MM,
    lineGap: 0.5,
  });
  const hex = (text: string) => text.toUpperCase().replace(/(.{8})(?=.)/g, '$1 ');
  // The labels padded to one width, so the hex groups line up.
  const labels = [t.heading('slip.credential'), t.heading('slip.secret')].map((l) =>
    l.replace(/ \/ /g, '/')
  );
  const labelWidth = Math.max(...labels.map((l) => l.length)) + 1;
  const [credentialLabel, secretLabel] = labels.map((l) => p(l).padEnd(labelWidth)) as [
    string,
    string,
  ];
  doc
    .font(fonts.mono)
    .fontSize(t.size(7))
    .text(
      `${credentialLabel}${hex(sheet.credential)}\n${secretLabel}${hex(sheet.returnSecret)}`,
      LEFT,
      top + 40 * MM,
      {
        width: 130 * MM,
        lineGap: 1,
      }
    );
  // Spec §13.2.1: the style's number, so the opener sorts the returns into one batch per style.
  if (sheet.style !== undefined)
    doc
      .font(fonts.bold)
      .fontSize(11)
      .text(p(t.heading('slip.style', { mark: sheet.style.mark })), LEFT, top + 50 * MM, {
        lineBreak: false,
      });
  // Spec §13.2.1 step 6: the weight beside it, so the trays are per (style, weight).
  if (sheet.weight !== undefined)
    doc
      .font(fonts.bold)
      .fontSize(11)
      .text(
        p(t.heading('slip.weight', { weight: sheet.weight })),
        sheet.style === undefined ? LEFT : LEFT + 45 * MM,
        top + 50 * MM,
        { lineBreak: false }
      );
  drawQrCode(
    doc,
    encodeReturnSlip({ credential: sheet.credential, returnSecret: sheet.returnSecret }),
    150 * MM,
    top - 2 * MM,
    42 * MM,
    'M'
  );
}

/** How to vote by post, on the letter's bottom third. */
function postalInstructions(doc: PageCanvas, fonts: PageFonts, t: PackText): void {
  const p = fonts.printable;
  const top = 2 * THIRD + 8 * MM;
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(11)
    .text(p(t.heading('postal.heading')), LEFT, top);
  const steps = (
    ['postal.step1', 'postal.step2', 'postal.step3', 'postal.step4', 'postal.count'] as const
  ).map((key) => t.paragraph(key));
  doc
    .font(fonts.regular)
    .fontSize(t.size(9))
    .text(p(steps.join('\n')), LEFT, top + 7 * MM, { width: 170 * MM, lineGap: 1.5 });
}

function ballot(
  doc: PageCanvas,
  fonts: PageFonts,
  t: PackText,
  election: PackElection,
  top: number,
  bottom: number
): void {
  const p = fonts.printable;
  doc
    .fillColor('#000000')
    .font(fonts.bold)
    .fontSize(13)
    .text(p(t.heading('ballot.heading')), LEFT, top + 2 * MM);
  doc
    .font(fonts.regular)
    .fontSize(9.5)
    .text(p(`${election.organisation}: ${election.title}`), LEFT, top + 8 * MM, {
      width: 100 * MM,
    });
  officialMark(doc, fonts, t, election, top);
  // Room at the foot for its instruction (two languages take two lines or more).
  const foot = t.bilingual ? 12 * MM : 8 * MM;
  const available = bottom - (top + 26 * MM) - foot;
  const row = Math.min(
    10 * MM,
    Math.max(
      6.5 * MM,
      (available - ballotHeight(election, 0)) /
        Math.max(
          1,
          election.contests.reduce((n, c) => n + c.candidates.length, 0)
        )
    )
  );
  let y = top + 21 * MM;
  for (const contest of election.contests) {
    doc
      .font(fonts.bold)
      .fontSize(10.5)
      .text(p(contest.title), LEFT, y, { width: 170 * MM });
    doc
      .font(fonts.regular)
      .fontSize(t.size(8.5))
      .text(
        p(
          t.paragraphOf((language) =>
            selectionInstruction(
              contest.minSelections,
              contest.maxSelections,
              language,
              isRankedContest(contest)
            )
          )
        ),
        LEFT,
        y + 5.5 * MM,
        { width: 170 * MM }
      );
    y += 12 * MM;
    for (const candidate of contest.candidates) {
      const box = Math.min(8 * MM, row - 1.5 * MM);
      doc
        .lineWidth(0.6)
        .strokeColor('#999999')
        .moveTo(LEFT, y + row)
        .lineTo(RIGHT, y + row)
        .stroke();
      doc
        .fillColor('#000000')
        .font(fonts.regular)
        .fontSize(11)
        .text(p(candidate.name), LEFT + 3 * MM, y + row / 2 - 5, {
          width: 120 * MM,
          lineBreak: false,
        });
      doc
        .lineWidth(1.2)
        .strokeColor('#000000')
        .rect(RIGHT - 4 * MM - box, y + (row - box) / 2, box, box)
        .stroke();
      y += row;
    }
    y += 4 * MM;
  }
  doc
    .font(fonts.regular)
    .fontSize(t.size(7.5))
    .fillColor('#333333')
    .text(p(t.paragraph('ballot.footer')), LEFT, bottom - foot, { width: 170 * MM });
  doc.fillColor('#000000');
}

/** Whether the ballot fits below the return slip (else {@link drawPackPage} gives it a sheet). */
export function ballotFitsBelowSlip(election: PackElection): boolean {
  return ballotHeight(election, 6.5 * MM) + 34 * MM <= 2 * THIRD;
}

/** Draws one member's pack: the letter on the current page, then the slip and ballot page(s). */
export function drawPackPage(
  doc: PageCanvas,
  fonts: PageFonts,
  election: PackElection,
  sheet: PackSheet
): void {
  // Spec §13.2.1: the paper carries the contests of the member's style only, so it is the same
  // on every paper of that style and a paper cannot vote outside it.
  const paper: PackElection =
    sheet.style === undefined
      ? election
      : {
          ...election,
          contests: sheet.style.contests.flatMap((c) => election.contests[c] ?? []),
        };
  const p = fonts.printable;
  const t = packText(election.languages);
  foldMarks(doc);
  topThird(doc, fonts, t, election, sheet);
  middleThird(doc, fonts, t, election, sheet);
  postalInstructions(doc, fonts, t);
  doc.addPage({ size: 'A4', margin: 0 });
  returnSlip(doc, fonts, t, election, sheet);
  const tearLine = THIRD;
  doc
    .save()
    .lineWidth(0.7)
    .strokeColor('#000000')
    .dash(4, { space: 3 })
    .moveTo(LEFT - 10 * MM, tearLine)
    .lineTo(RIGHT + 10 * MM, tearLine)
    .stroke()
    .undash()
    .restore();
  if (ballotFitsBelowSlip(paper)) {
    doc
      .font(fonts.regular)
      .fontSize(t.size(6.5))
      .fillColor('#444444')
      .text(p(t.paragraph('ballot.tear')), LEFT, tearLine + 1 * MM);
    ballot(doc, fonts, t, paper, tearLine + 6 * MM, 297 * MM);
  } else {
    doc
      .font(fonts.bold)
      .fontSize(10)
      .fillColor('#000000')
      .text(p(t.paragraph('ballot.nextSheet')), LEFT, tearLine + 10 * MM);
    doc.addPage({ size: 'A4', margin: 0 });
    ballot(doc, fonts, t, paper, 15 * MM, 282 * MM);
  }
}
