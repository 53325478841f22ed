/**
 * @module The roll's categories and weights against the manifest (spec §13.1, §13.3, §13.4): what
 * each eligible member's credential will be bound to, or every reason the roll cannot be bound —
 * a category the manifest does not have, a member without one, a weight above the manifest's
 * maximum, columns the manifest has no use for, a category smaller than its minimum size. The roll
 * audit reports these problems and `packs generate` refuses on any of them, before anything is made.
 */
import type { CredentialTerms, Manifest } from '@scrutineer/record';
import type { Member } from './member.ts';
import { type AuditOptions, type RollAudit, auditRoll } from './roll-audit.ts';
import { type Roll, eligibleMembers } from './roll.ts';

/** The manifest fields the terms depend on (a draft may carry them before it is complete). */
export type TermsManifest = Pick<Manifest, 'styles' | 'weights'>;

export type RollTermsCode =
  | 'roll/unknown-category'
  | 'roll/missing-category'
  | 'roll/category-too-small'
  | 'roll/categories-not-in-manifest'
  | 'roll/weight-too-large'
  | 'roll/weights-not-in-manifest';

export interface RollTermsProblem {
  readonly code: RollTermsCode;
  readonly message: string;
  /** The members concerned, in roll order. */
  readonly memberIds: readonly string[];
}

/** Spec §13.1, §13.4: the terms bound to a member's credential (weight 1 where the roll has none). */
export function termsOfMember(manifest: TermsManifest, member: Member): CredentialTerms {
  const weight = manifest.weights === undefined ? 1 : (member.weight ?? 1);
  return manifest.styles === undefined || member.category === undefined
    ? { weight }
    : { style: member.category, weight };
}

const listed = (ids: readonly string[]): string =>
  ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;

/**
 * Every reason the eligible `members` cannot be bound to `manifest`'s styles and weights, one
 * problem per rule and category (an empty list when they can).
 */
export function rollTermsProblems(
  manifest: TermsManifest,
  members: readonly Member[]
): RollTermsProblem[] {
  const problems: RollTermsProblem[] = [];
  const add = (code: RollTermsCode, ids: readonly string[], message: string) => {
    if (ids.length > 0) problems.push({ code, memberIds: ids, message });
  };
  const ids = (keep: (m: Member) => boolean) => members.filter(keep).map((m) => m.memberId);
  const { styles, weights } = manifest;
  if (styles === undefined) {
    const categorised = ids((m) => m.category !== undefined);
    add(
      'roll/categories-not-in-manifest',
      categorised,
      `${categorised.length} member(s) have a category (${listed(categorised)}) but the manifest has no ballot styles`
    );
  } else {
    const missing = ids((m) => m.category === undefined);
    add(
      'roll/missing-category',
      missing,
      `${missing.length} member(s) have no category (${listed(missing)}): the manifest has ballot styles, so each member needs one`
    );
    const counts = new Map<string, string[]>();
    for (const m of members)
      if (m.category !== undefined)
        counts.set(m.category, [...(counts.get(m.category) ?? []), m.memberId]);
    for (const [category, inCategory] of counts) {
      if (!styles.categories.some((c) => c.id === category))
        add(
          'roll/unknown-category',
          inCategory,
          `category "${category}" (${listed(inCategory)}) is not one of the manifest's: ${styles.categories.map((c) => c.id).join(', ')}`
        );
      else if (inCategory.length < styles.minCategorySize)
        // Spec §13.3: the board would refuse to open; a category this small nearly names its voters.
        add(
          'roll/category-too-small',
          inCategory,
          `category "${category}" has ${inCategory.length} eligible member(s), fewer than the manifest's minimum of ${styles.minCategorySize}: merge it into a category with the same contests`
        );
    }
  }
  if (weights === undefined) {
    const weighted = ids((m) => m.weight !== undefined);
    add(
      'roll/weights-not-in-manifest',
      weighted,
      `${weighted.length} member(s) have a weight (${listed(weighted)}) but the manifest has no weights`
    );
  } else {
    const heavy = ids((m) => (m.weight ?? 1) > weights.max);
    add(
      'roll/weight-too-large',
      heavy,
      `${heavy.length} member(s) weigh more than the manifest's maximum of ${weights.max} (${listed(heavy)})`
    );
  }
  return problems;
}

/** A terms problem as the roll audit reports it: `T0001`, … after the audit's own findings. */
export interface TermsFinding extends RollTermsProblem {
  readonly id: string;
}

/** The roll audit with, given the manifest, the roll's categories and weights checked (§13.1.1). */
export interface RollAuditReport extends RollAudit {
  readonly terms: readonly TermsFinding[];
}

/**
 * `scrutineer roll audit [--manifest …]` and the console's in-page audit: the audit's findings
 * and, when the manifest (or its draft) is given, every reason the eligible members cannot be
 * bound to its ballot styles and weights. One function, so both report the same findings.
 */
export function auditRollReport(
  roll: Roll,
  options: AuditOptions = {},
  manifest?: TermsManifest
): RollAuditReport {
  const terms = manifest === undefined ? [] : rollTermsProblems(manifest, eligibleMembers(roll));
  return {
    ...auditRoll(roll, options),
    terms: terms.map((t, i) => ({ ...t, id: `T${String(i + 1).padStart(4, '0')}` })),
  };
}
