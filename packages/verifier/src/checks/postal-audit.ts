/**
 * @module V6.6–V6.8, the postal risk-limiting audit (spec §9.8): the record's replay of the audit
 * (`PostalAuditReplay`, shared with the board) names each event that breaks the procedure, by rule:
 * the observers' seeds (V6.6), each round's sample recomputed from the seed and each hand count
 * of a sampled batch (V6.7), the measured risk and the stopping rule, including the escalation
 * to a full hand count and an audit that must end before the tally (V6.8).
 */
import {
  type AuditEvent,
  type AuditRule,
  type BoardEvent,
  type Manifest,
  PostalAuditReplay,
} from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';
import type { ReportBuilder } from '../report.ts';

const CHECK_OF: Record<AuditRule, CheckId> = { seed: 'V6.6', sample: 'V6.7', stop: 'V6.8' };

export class PostalAuditChecker {
  readonly #replay: PostalAuditReplay;
  readonly #report: ReportBuilder;

  constructor(manifest: Manifest, report: ReportBuilder) {
    this.#replay = new PostalAuditReplay(manifest.contests);
    this.#report = report;
  }

  observe(event: AuditEvent & Pick<BoardEvent, 'position'>, hash: string): void {
    const problems = this.#replay.observe(event, hash);
    for (const p of problems) this.#report.fail(CHECK_OF[p.rule], p.message, event.position);
    if (problems.length === 0 && event.type !== 'postal-batch')
      this.#report.pass(
        event.type === 'postal-audit-end'
          ? 'V6.8'
          : event.type.endsWith('commit') || event.type.endsWith('reveal')
            ? 'V6.6'
            : 'V6.7'
      );
  }

  /** V6.8: at the tally an audit that started has ended. */
  tallied(position: number): void {
    for (const p of this.#replay.beforeTally())
      this.#report.fail(CHECK_OF[p.rule], p.message, position);
  }

  /** Spec §9.8.4: the postal counts the result carries (V9.2): the hand counts after a full hand count. */
  postalTotals(batchSums: readonly (readonly number[])[]): readonly (readonly number[])[] {
    return this.#replay.handCounted ? this.#replay.postalTotals() : batchSums;
  }
}
