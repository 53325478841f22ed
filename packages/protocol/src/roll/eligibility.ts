/**
 * @module Who may vote ("eligibility rules"): a join-date cut-off, the membership
 * statuses that count (e.g. `active`, `paid`) and, if configured, a minimum age on a given date.
 * The rules travel with the roll (roll.json) so anyone re-reading it reaches the same answer.
 */
import { type CivilDate, ageOn, dayNumber, isCivilDate } from './civil-date.ts';

export interface EligibilityRules {
  /** Members who joined after this date are not eligible; null for no cut-off. */
  readonly cutoff: CivilDate | null;
  /** The membership statuses that may vote, lower case. */
  readonly statuses: readonly string[];
  /** The minimum age on `asOf`; null when age does not matter. */
  readonly minimumAge: number | null;
  /** The date ages are measured on, and the latest plausible date in the roll. */
  readonly asOf: CivilDate;
}

/** One reason a member may not vote. */
export interface Ineligibility {
  readonly rule: 'joined-after-cutoff' | 'status' | 'under-age';
  readonly detail: string;
}

/** The facts eligibility depends on. */
export interface EligibilityFacts {
  readonly joinDate: CivilDate;
  readonly status: string;
  readonly dateOfBirth: CivilDate;
}

/** Every rule `member` fails (empty when eligible), in a fixed order. */
export function checkEligibility(
  member: EligibilityFacts,
  rules: EligibilityRules
): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (rules.cutoff !== null && dayNumber(member.joinDate) > dayNumber(rules.cutoff)) {
    reasons.push({
      rule: 'joined-after-cutoff',
      detail: `joined ${member.joinDate}, after the cut-off ${rules.cutoff}`,
    });
  }
  if (!rules.statuses.includes(member.status)) {
    reasons.push({
      rule: 'status',
      detail: `status "${member.status}" is not one of ${rules.statuses.join(', ')}`,
    });
  }
  if (rules.minimumAge !== null) {
    const age = ageOn(member.dateOfBirth, rules.asOf);
    if (age < rules.minimumAge) {
      reasons.push({
        rule: 'under-age',
        detail: `aged ${age} on ${rules.asOf}, under ${rules.minimumAge}`,
      });
    }
  }
  return reasons;
}

/** What is wrong with a set of rules (for the command line and for roll.json), or undefined. */
export function rulesProblem(rules: EligibilityRules): string | undefined {
  if (!isCivilDate(rules.asOf)) return `as-of date ${JSON.stringify(rules.asOf)} is not YYYY-MM-DD`;
  if (rules.cutoff !== null && !isCivilDate(rules.cutoff)) {
    return `cut-off ${JSON.stringify(rules.cutoff)} is not YYYY-MM-DD`;
  }
  if (rules.statuses.length === 0) return 'at least one membership status must be eligible';
  if (rules.statuses.some((s) => s !== normaliseStatus(s) || s === '')) {
    return 'statuses must be lower case words';
  }
  if (
    rules.minimumAge !== null &&
    (!Number.isSafeInteger(rules.minimumAge) || rules.minimumAge < 0 || rules.minimumAge > 150)
  ) {
    return `minimum age ${rules.minimumAge} is not a whole number of years`;
  }
  return undefined;
}

/** Statuses compare case-insensitively, with inner spaces folded: ` Active ` → `active`. */
export function normaliseStatus(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
