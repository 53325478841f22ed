/**
 * @module Bursts of joins just before the cut-off (the "fake members" problem): a drive
 * that signs up members in bulk to swing a ballot shows as days with far more joins than usual.
 *
 * Rule: look at the `windowDays` days ending on the cut-off (inclusive). The baseline is the
 * median number of joins per day over those days, counting days with none, but at least 1. A day
 * in the window is a burst when its joins exceed `factor` × baseline. The median, unlike the mean,
 * is not pulled up by the bursts themselves; the floor of 1 keeps a small roll (a median of 0)
 * from flagging every day that anyone joined.
 */
import { type CivilDate, addDays, dayNumber } from './civil-date.ts';

export interface BurstRule {
  readonly windowDays: number;
  readonly factor: number;
}

export const DEFAULT_BURST_RULE: BurstRule = { windowDays: 30, factor: 5 };

export interface JoinBurst {
  readonly date: CivilDate;
  readonly joins: number;
  readonly baseline: number;
  readonly threshold: number;
  readonly memberIds: readonly string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The burst days of the window ending on `cutoff`, in date order. */
export function findJoinBursts(
  members: readonly { readonly memberId: string; readonly joinDate: CivilDate }[],
  cutoff: CivilDate,
  rule: BurstRule = DEFAULT_BURST_RULE
): JoinBurst[] {
  if (!Number.isSafeInteger(rule.windowDays) || rule.windowDays < 1 || !(rule.factor > 0)) {
    throw new RangeError('join-bursts/invalid-rule: window ≥ 1 day and factor > 0');
  }
  const last = dayNumber(cutoff);
  const first = last - rule.windowDays + 1;
  const byDay = new Map<number, string[]>();
  for (const member of members) {
    const day = dayNumber(member.joinDate);
    if (day < first || day > last) continue;
    const list = byDay.get(day) ?? [];
    list.push(member.memberId);
    byDay.set(day, list);
  }
  const counts = Array.from(
    { length: rule.windowDays },
    (_, i) => byDay.get(first + i)?.length ?? 0
  );
  const baseline = Math.max(1, median(counts));
  const threshold = rule.factor * baseline;
  const bursts: JoinBurst[] = [];
  for (let i = 0; i < rule.windowDays; i++) {
    const ids = byDay.get(first + i) ?? [];
    if (ids.length > threshold) {
      bursts.push({
        date: addDays(cutoff, first + i - last),
        joins: ids.length,
        baseline,
        threshold,
        memberIds: [...ids].sort(),
      });
    }
  }
  return bursts;
}
