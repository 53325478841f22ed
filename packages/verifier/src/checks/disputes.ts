/**
 * @module V5.11: receipt disputes (spec §9.5.5). A voter who cannot find their ballot files the
 * board's signed receipt; the record holds it as a `receipt-dispute`. The receipt must be the
 * board's (its signature verifies under the manifest's board key) and its ballot must be on the
 * log where the receipt says: the `ballot-cast` at `position`, with that tracker and event hash.
 * A valid receipt for a ballot the log does not hold proves the board dropped or changed it.
 */
import { type Group, hexToBytes } from '@scrutineer/crypto';
import {
  type BoardEvent,
  type Manifest,
  manifestHash,
  receiptMessage,
  verifyStatement,
} from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';

export class DisputeChecker {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #manifestHash: string;
  readonly #report: ReportBuilder;
  /** Position → event hash of every `ballot-cast` read so far (what a receipt can name). */
  readonly #casts = new Map<number, { readonly hash: string; readonly tracker: string }>();

  constructor(group: Group, manifest: Manifest, report: ReportBuilder) {
    this.#group = group;
    this.#manifest = manifest;
    this.#manifestHash = manifestHash(manifest);
    this.#report = report;
  }

  cast(event: Extract<BoardEvent, { type: 'ballot-cast' }>, hash: string): void {
    this.#casts.set(event.position, { hash, tracker: event.body.tracker });
  }

  dispute(event: Extract<BoardEvent, { type: 'receipt-dispute' }>): void {
    const { receipt } = event.body;
    const { signature, ...unsigned } = receipt;
    let signed = false;
    try {
      const boardKey = this.#group.decodePoint(hexToBytes(this.#manifest.board.publicKey));
      signed =
        receipt.election === this.#manifest.electionId &&
        verifyStatement(
          this.#group,
          this.#manifestHash,
          boardKey,
          receiptMessage(unsigned),
          signature
        );
    } catch {
      signed = false;
    }
    if (
      !this.#report.check(
        'V5.11',
        signed,
        () => `dispute of tracker ${receipt.tracker.slice(0, 16)}…: not a receipt of this board`,
        event.position
      )
    )
      return;
    const cast = this.#casts.get(receipt.position);
    this.#report.check(
      'V5.11',
      cast !== undefined && cast.hash === receipt.eventHash && cast.tracker === receipt.tracker,
      () =>
        `dispute upheld: the board signed a receipt for tracker ${receipt.tracker.slice(0, 16)}… at position ${receipt.position}, and the log has no such ballot there`,
      event.position
    );
  }
}
