/**
 * @module The verification report: every check with its status, how many items it covered and
 * its first failures with their location, and the faults the protocol attributes to one party
 * and absorbs (docs/spec/verification.md, "Faults and failures"). Built by a
 * {@link ReportBuilder} that never stops early.
 */
import { CHECKS, CHECK_IDS, type CheckId } from './check-catalogue.ts';

/** The stages of spec §9.6, in order; `cancelled` ends an election from any stage before `final`. */
export const STAGES = [
  'empty',
  'setup',
  'keyed',
  'open',
  'closed',
  'tallied',
  'decrypted',
  'final',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

export interface CheckFailure {
  /** Board position of the offending event, when there is one. */
  readonly position?: number;
  readonly message: string;
}

export interface CheckResult {
  readonly id: CheckId;
  readonly title: string;
  readonly status: 'passed' | 'failed' | 'not-reached';
  /** How many items the check covered. */
  readonly checked: number;
  readonly failureCount: number;
  /** The first failures (at most {@link MAX_LISTED_FAILURES}). */
  readonly failures: readonly CheckFailure[];
}

/** The party a fault is attributed to: one trustee, by its index (spec §7.6, §8.4). */
export interface FaultParty {
  readonly trustee: number;
}

/**
 * A fault the protocol attributes and absorbs without changing the outcome (a dealer disqualified,
 * a complaint rejected, a decryption batch set aside): reported, but the record stays valid.
 */
export interface AttributedFault {
  /** The check under which it was found. */
  readonly check: CheckId;
  readonly party: FaultParty;
  /** The spec's code (§7.8, §8.8), e.g. `ceremony/invalid-commitments`. */
  readonly code: string;
  /** Board position of the message at fault, when there is one (none for a missing message). */
  readonly position?: number;
  readonly message: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  /** `cancelled`: the election was cancelled (spec §9.6); it has no result. */
  readonly stage: Stage;
  /** For a cancelled election: the stage it had reached and the officer's reason. */
  readonly cancellation?: {
    readonly at: Stage;
    readonly reason: string;
    readonly position: number;
  };
  /** Event count and hash of the last event: what was verified. */
  readonly events: number;
  readonly headHash: string | null;
  readonly checks: readonly CheckResult[];
  /** Every attributed fault, in the order found; none of them makes the record invalid. */
  readonly faults: readonly AttributedFault[];
}

export const MAX_LISTED_FAILURES = 10;

/** Collects outcomes; a check is reached once anything is recorded for it. */
export class ReportBuilder {
  readonly #checked = new Map<CheckId, number>();
  readonly #failures = new Map<CheckId, CheckFailure[]>();
  readonly #failureCounts = new Map<CheckId, number>();
  readonly #faults: AttributedFault[] = [];
  /** Checks that a failure before them stopped (V10.3–V10.5 after a bad mix). */
  readonly #heldBack = new Set<CheckId>();

  /** Marks a check reached (even with nothing to check, e.g. no complaints). */
  reach(id: CheckId): void {
    if (!this.#checked.has(id)) this.#checked.set(id, 0);
  }

  /**
   * Spec verification.md V10: a failure upstream stops `ids` from being checked, so they report
   * not reached whatever the stage — unless they failed on their own, which stands.
   */
  holdBack(...ids: CheckId[]): void {
    for (const id of ids) this.#heldBack.add(id);
  }

  /** Records that `count` items passed (or were examined) under `id`. */
  pass(id: CheckId, count = 1): void {
    this.#checked.set(id, (this.#checked.get(id) ?? 0) + count);
  }

  fail(id: CheckId, message: string, position?: number): void {
    this.pass(id);
    this.#recordFailure(id, message, position);
  }

  #recordFailure(id: CheckId, message: string, position?: number): void {
    this.#failureCounts.set(id, (this.#failureCounts.get(id) ?? 0) + 1);
    const list = this.#failures.get(id) ?? [];
    if (list.length < MAX_LISTED_FAILURES)
      list.push(position === undefined ? { message } : { position, message });
    this.#failures.set(id, list);
  }

  /** Records one item: passed if `ok`, else a failure. Returns `ok`. */
  check(id: CheckId, ok: boolean, message: () => string, position?: number): boolean {
    if (ok) this.pass(id);
    else this.fail(id, message(), position);
    return ok;
  }

  /** Records a fault attributed to one party; the check still counts the item as examined. */
  fault(fault: AttributedFault): void {
    this.pass(fault.check);
    this.#faults.push(fault);
  }

  hasFailed(id: CheckId): boolean {
    return (this.#failureCounts.get(id) ?? 0) > 0;
  }

  /** Merges a worker's partial outcomes (its counts already include its failures). */
  merge(partial: PartialOutcome): void {
    for (const [id, count] of partial.checked) this.pass(id, count);
    for (const { id, message, position } of partial.failures)
      this.#recordFailure(id, message, position);
  }

  build(
    stage: Stage,
    events: number,
    headHash: string | null,
    cancellation?: VerificationReport['cancellation']
  ): VerificationReport {
    const checks = CHECK_IDS.map((id): CheckResult => {
      const failureCount = this.#failureCounts.get(id) ?? 0;
      const reached = this.#checked.has(id) && (failureCount > 0 || !this.#heldBack.has(id));
      return {
        id,
        title: CHECKS[id],
        status: !reached ? 'not-reached' : failureCount > 0 ? 'failed' : 'passed',
        checked: reached ? (this.#checked.get(id) ?? 0) : 0,
        failureCount,
        failures: this.#failures.get(id) ?? [],
      };
    });
    const ok = checks.every((c) => c.status !== 'failed');
    return {
      ok,
      stage,
      events,
      headHash,
      checks,
      faults: [...this.#faults],
      ...(cancellation === undefined ? {} : { cancellation }),
    };
  }
}

/** What a worker sends back: counts per check and its failures (serialisable). */
export interface PartialOutcome {
  readonly checked: readonly (readonly [CheckId, number])[];
  readonly failures: readonly {
    readonly id: CheckId;
    readonly message: string;
    readonly position?: number;
  }[];
}
