/**
 * @module Which dealers spec §7.6 disqualifies, as attributed faults (docs/spec/verification.md,
 * "Faults and failures"): a dealer's repeated or failing commitments or shares, found before the
 * conclusion runs, and the conclusion's own verdicts (a missing message, a justified complaint,
 * an unjustified one held against its author). One fault per disqualified dealer, the first
 * reason in the order of §7.6.
 */
import type { ComplaintRejection, DealerDisqualification } from '@scrutineer/crypto';
import type { CeremonyMessageFault, EventBody } from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';
import type { AttributedFault, ReportBuilder } from '../report.ts';

type DealerMessage = 'trustee-commitments' | 'trustee-shares';

/** A signed message from a listed trustee, where it stands on the board. */
export interface Posted<T extends DealerMessage | 'trustee-complaint'> {
  readonly position: number;
  readonly body: EventBody<T>;
}

/**
 * Spec §7.6 steps 1–2 for one kind of dealer message: a dealer with two is disqualified
 * (`ceremony/duplicate-message`, at the second), one whose only message fails `validate` likewise
 * (with its code). Adds those to `excluded` (first reason wins) and returns every dealer's message.
 */
export function selectDealerMessages<T extends DealerMessage>(
  posted: readonly Posted<T>[],
  check: 'V3.1' | 'V3.2',
  validate: (body: EventBody<T>) => CeremonyMessageFault | null,
  excluded: Map<number, AttributedFault>
): Map<number, EventBody<T>> {
  const byDealer = new Map<number, Posted<T>[]>();
  for (const message of posted)
    byDealer.set(message.body.trustee, [...(byDealer.get(message.body.trustee) ?? []), message]);
  const kind = check === 'V3.1' ? 'commitments' : 'shares';
  const selected = new Map<number, EventBody<T>>();
  for (const [trustee, [first, second]] of byDealer) {
    if (first === undefined) continue;
    selected.set(trustee, first.body);
    if (excluded.has(trustee)) continue;
    const fault = (position: number, code: string, message: string): void =>
      void excluded.set(trustee, { check, party: { trustee }, code, position, message });
    if (second !== undefined)
      fault(second.position, 'ceremony/duplicate-message', `a second ${kind} message`);
    else {
      const problem = validate(first.body);
      if (problem !== null) fault(first.position, problem.code, problem.message);
    }
  }
  return selected;
}

/**
 * One fault per dealer outside Q (spec §7.6) and per complaint held against its author (§7.5).
 * `excluded` holds the reasons found before the conclusion, which saw those dealers as silent.
 */
export function reportCeremonyFaults(
  report: ReportBuilder,
  disqualified: readonly DealerDisqualification[],
  rejected: readonly ComplaintRejection[],
  excluded: ReadonlyMap<number, AttributedFault>,
  complaints: readonly Posted<'trustee-complaint'>[]
): void {
  const complaintAt = (complainer: number, dealer: number): number | undefined =>
    complaints.find((c) => c.body.trustee === complainer && c.body.dealer === dealer)?.position;
  for (const d of disqualified) {
    const known = excluded.get(d.dealer);
    if (known !== undefined) {
      report.fault({ ...known, message: `dealer ${d.dealer} disqualified: ${known.message}` });
      continue;
    }
    const position = d.complainer === undefined ? undefined : complaintAt(d.complainer, d.dealer);
    const check: CheckId =
      d.complainer !== undefined ? 'V3.3' : d.code === 'ceremony/missing-share' ? 'V3.2' : 'V3.1';
    const by = d.complainer === undefined ? '' : ` on trustee ${d.complainer}'s complaint`;
    report.fault({
      check,
      party: { trustee: d.dealer },
      code: d.code,
      ...(position === undefined ? {} : { position }),
      message: `dealer ${d.dealer} disqualified${by}: ${d.message}`,
    });
  }
  for (const r of rejected) {
    const position = complaintAt(r.complainer, r.dealer);
    const message = `complaint of trustee ${r.complainer} against dealer ${r.dealer} rejected: ${r.message}`;
    // Proofs were checked as the complaints arrived; one failing here would be a failure (§7.5).
    if (r.code === 'ceremony/complaint-proof-invalid') report.fail('V3.3', message, position);
    else
      report.fault({
        check: 'V3.3',
        party: { trustee: r.complainer },
        code: r.code,
        ...(position === undefined ? {} : { position }),
        message,
      });
  }
}
