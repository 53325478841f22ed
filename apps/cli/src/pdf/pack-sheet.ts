/**
 * @module What one printed ballot pack shows, independent of how it is drawn: the member's
 * name and address, the code, the roll reference, and the election's side (title, fingerprint,
 * ballot, instructions).
 */
import { type PackLanguage, packString } from './pack-text.ts';

export interface PackSheet {
  /** The registrar's pack reference, printed on the member's letter only; the board never holds it. */
  readonly packId: string;
  readonly memberId: string;
  readonly name: string;
  /** Address lines, the postcode last. */
  readonly addressLines: readonly string[];
  /** The voting code, formatted `XXXX-XXXX-…`. */
  readonly code: string;
  /** The pack's credential key, hex: printed on the return slip only (spec §9.5.3). */
  readonly credential: string;
  /** The return slip's secret, 32 hex digits (spec §9.5.3): scanned at intake with the credential. */
  readonly returnSecret: string;
  readonly roll: {
    readonly index: number;
    readonly count: number;
    readonly salt: string;
    readonly root: string;
    /** `ROLL1:…` (roll-reference.ts), carried by the roll QR code. */
    readonly reference: string;
  };
  /**
   * Spec §13.2.1 step 1: with ballot styles, the member's style — its number (the category's
   * 1-based place in the manifest's `styles`), printed on the return slip for sorting the returns
   * into one batch per style, and its contests (manifest indexes), the only ones on the paper.
   */
  readonly style?: { readonly mark: number; readonly contests: readonly number[] };
  /**
   * Spec §13.2.1 step 6: with weights, the member's weight, printed on the return slip beside the
   * style for sorting the returns into one batch per (style, weight). Public with the credential.
   */
  readonly weight?: number;
}

export interface PackElection {
  readonly electionId: string;
  readonly organisation: string;
  readonly title: string;
  readonly contests: readonly {
    readonly title: string;
    readonly minSelections: number;
    readonly maxSelections: number;
    readonly candidates: readonly { readonly name: string }[];
    /** Set for a ranked contest (AV, STV): its boxes take numbers, not crosses (spec §11.8). */
    readonly method?: string | undefined;
  }[];
  /** Spec §9.3 election fingerprint, or null while the base hash is not yet known. */
  readonly fingerprint: string | null;
  readonly boothUrl: string | null;
  /** Labels of the sign-in questions, e.g. "date of birth", "postcode". */
  readonly questionLabels: readonly string[];
  /** RFC 3339 close of voting, if known. */
  readonly closes: string | null;
  /** The languages of the pack's fixed texts (spec §9.11), the first first; default English. */
  readonly languages?: readonly PackLanguage[];
}

/**
 * "Vote for one candidate", "Vote for up to 3 candidates", … as the ballot's instruction; for a
 * ranked contest, how to number the boxes 1, 2, 3 … (spec §11.8 "Postal papers").
 */
export function selectionInstruction(
  minSelections: number,
  maxSelections: number,
  language: PackLanguage = 'en',
  ranked = false
): string {
  if (ranked) return packString(language, 'select.ranked');
  if (minSelections === maxSelections)
    return maxSelections === 1
      ? packString(language, 'select.exactlyOne')
      : packString(language, 'select.exactly', { count: maxSelections });
  if (minSelections === 0)
    return maxSelections === 1
      ? packString(language, 'select.upToOne')
      : packString(language, 'select.upTo', { max: maxSelections });
  return packString(language, 'select.between', { min: minSelections, max: maxSelections });
}

/** "date of birth and postcode", "date of birth, postcode and …" (in Welsh "… a …"). */
export function listLabels(labels: readonly string[], language: PackLanguage = 'en'): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return packString(language, 'list.and', {
    first: labels.slice(0, -1).join(', '),
    last: labels[labels.length - 1] as string,
  });
}
