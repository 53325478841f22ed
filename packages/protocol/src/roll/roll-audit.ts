/**
 * @module The roll audit report: what the officer must look at before packs are
 * printed. Each finding names the members, the rule that flagged them and the evidence. Rules:
 *
 * - `exact-duplicate`: the same folded name (any token order) and the same date of birth;
 * - `similar-name-same-birth-date`: the same date of birth and similar names (name-similarity.ts);
 * - `similar-name-same-address`: the same address (postcode and first line) and similar names;
 * - `shared-email`: one email address (case-insensitive) on several members;
 * - `invalid-postcode`: not a well-formed UK postcode;
 * - `join-burst`: joined on a burst day just before the cut-off (join-bursts.ts);
 * - `ineligible`: fails an eligibility rule (listed so nobody is dropped silently).
 *
 * Comparisons are blocked (by birth date, by address) so the audit is near-linear: 160,000 members
 * take a few seconds. A pair already reported by an earlier duplicate rule is not reported again.
 */
import type { CivilDate } from './civil-date.ts';
import { type BurstRule, DEFAULT_BURST_RULE, findJoinBursts } from './join-bursts.ts';
import { addressKey, nameKey, similarNames } from './name-similarity.ts';
import type { Roll, RollMember } from './roll.ts';
import { isValidUkPostcode } from './uk-postcode.ts';

export const AUDIT_RULES = [
  'exact-duplicate',
  'similar-name-same-birth-date',
  'similar-name-same-address',
  'shared-email',
  'invalid-postcode',
  'join-burst',
  'ineligible',
] as const;
export type AuditRule = (typeof AUDIT_RULES)[number];

export interface AuditFinding {
  /** `F0001`, … in report order. */
  readonly id: string;
  readonly rule: AuditRule;
  /** Sorted. */
  readonly memberIds: readonly string[];
  readonly evidence: string;
}

export interface AuditOptions {
  /** The cut-off the burst rule looks before; default: the roll's own cut-off (none: no burst check). */
  readonly cutoff?: CivilDate | null;
  readonly burst?: BurstRule;
}

export interface RollAudit {
  readonly members: number;
  readonly eligible: number;
  readonly findings: readonly AuditFinding[];
  /** Members named by at least one finding. */
  readonly flaggedMembers: number;
  readonly countsByRule: Readonly<Record<AuditRule, number>>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Pairs within each block that satisfy `match` and were not reported yet. */
function similarPairs(
  blocks: Map<string, RollMember[]>,
  reported: Set<string>,
  match: (a: RollMember, b: RollMember) => boolean
): [RollMember, RollMember][] {
  const pairs: [RollMember, RollMember][] = [];
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i] as RollMember;
        const b = block[j] as RollMember;
        const key = pairKey(a.memberId, b.memberId);
        if (reported.has(key) || !match(a, b)) continue;
        reported.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

const describe = (m: RollMember): string => `${m.memberId} "${m.name}"`;

/** Runs every rule over the whole roll (eligible or not: a duplicate may hide behind either). */
export function auditRoll(roll: Roll, options: AuditOptions = {}): RollAudit {
  const members = roll.members;
  const drafts: Omit<AuditFinding, 'id'>[] = [];
  const reported = new Set<string>();
  const add = (rule: AuditRule, group: readonly RollMember[], evidence: string): void => {
    const ids = group.map((m) => m.memberId).sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++)
        reported.add(pairKey(ids[i] as string, ids[j] as string));
    }
    drafts.push({ rule, memberIds: ids, evidence });
  };

  for (const group of groupBy(members, (m) => `${nameKey(m.name)}|${m.dateOfBirth}`).values()) {
    if (group.length > 1) {
      add(
        'exact-duplicate',
        group,
        `${group.length} members named ${group.map((m) => `"${m.name}"`).join(', ')}, all born ${group[0]?.dateOfBirth}`
      );
    }
  }
  const byBirth = groupBy(members, (m) => m.dateOfBirth);
  for (const [a, b] of similarPairs(byBirth, reported, (x, y) => similarNames(x.name, y.name))) {
    add(
      'similar-name-same-birth-date',
      [a, b],
      `${describe(a)} and ${describe(b)}, both born ${a.dateOfBirth}`
    );
  }
  const byAddress = groupBy(members, (m) => addressKey(m.address, m.postcode));
  for (const [a, b] of similarPairs(byAddress, reported, (x, y) => similarNames(x.name, y.name))) {
    const line = a.address.split('\n')[0] ?? '';
    add(
      'similar-name-same-address',
      [a, b],
      `${describe(a)} and ${describe(b)} at ${line}, ${a.postcode}`
    );
  }
  for (const [email, group] of groupBy(members, (m) =>
    m.email === null ? null : m.email.trim().toLowerCase()
  )) {
    if (group.length > 1) add('shared-email', group, `${group.length} members use ${email}`);
  }
  for (const member of members) {
    if (!isValidUkPostcode(member.postcode)) {
      add('invalid-postcode', [member], `"${member.postcode}" is not a well-formed UK postcode`);
    }
  }
  const cutoff = options.cutoff === undefined ? roll.rules.cutoff : options.cutoff;
  if (cutoff !== null) {
    const rule = options.burst ?? DEFAULT_BURST_RULE;
    const byId = new Map(members.map((m) => [m.memberId, m]));
    for (const burst of findJoinBursts(members, cutoff, rule)) {
      const group = burst.memberIds.map((id) => byId.get(id) as RollMember);
      add(
        'join-burst',
        group,
        `${burst.joins} joined on ${burst.date}; median ${burst.baseline} a day in the ${rule.windowDays} days to the cut-off ${cutoff}, threshold > ${burst.threshold}`
      );
    }
  }
  for (const member of members) {
    if (!member.eligible)
      add('ineligible', [member], member.ineligibility.map((r) => r.detail).join('; '));
  }

  const countsByRule = Object.fromEntries(AUDIT_RULES.map((r) => [r, 0])) as Record<
    AuditRule,
    number
  >;
  for (const finding of drafts) countsByRule[finding.rule]++;
  const flagged = new Set(drafts.flatMap((f) => f.memberIds));
  return {
    members: members.length,
    eligible: members.filter((m) => m.eligible).length,
    findings: drafts.map((f, i) => ({ id: `F${String(i + 1).padStart(4, '0')}`, ...f })),
    flaggedMembers: flagged.size,
    countsByRule,
  };
}
