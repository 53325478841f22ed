/**
 * @module The demo's registrar half: a synthetic roll with planted problems, its audit
 * (DIR/roll-audit.csv), the roll commitment, nominations by MPs and their outcome, and the
 * manifest draft of the members' ballot. Uses the same library functions as the `roll` and
 * `nominations` commands.
 */
import { join } from 'node:path';
import {
  type ClosedNominations,
  type Roll,
  type RollAudit,
  buildRoll,
  openNominations,
  recordNomination,
} from '@scrutineer/protocol';
import { makeSyntheticRoll } from '../test-fixtures/synthetic-roll.ts';
import { describeOutcome, writeClosedNominations } from '../src/commands/nominations/close.ts';
import { writeRollAudit } from '../src/commands/roll/audit.ts';
import { commitRollMembers } from '../src/commands/roll/commit.ts';
import { parseCsvText } from '../src/commands/roll/csv-file.ts';
import type { RollReferencesFile } from '../src/commands/roll/roll-files.ts';
import type { TrusteeManifestEntry } from '../src/commands/trustee/trustee-key-file.ts';

/** Candidates and how many MPs nominate each (default: three candidates, two reach 100). */
export const DEFAULT_NOMINATIONS: readonly (readonly [string, number])[] = [
  ['Alex Morgan', 140],
  ['Sam Patel', 120],
  ['Jo Williams', 60],
];
export const NOMINATORS = 350;
export const NOMINATION_THRESHOLD = 100;

export interface DemoRoll {
  readonly roll: Roll;
  readonly audit: RollAudit;
  /** Planted problems the audit missed, and clean members it flagged (both empty when right). */
  readonly missed: readonly string[];
  readonly wronglyFlagged: readonly string[];
  readonly commitment: { readonly count: number; readonly root: string };
  readonly references: RollReferencesFile;
}

/** The synthetic roll, imported, audited into `auditPath` and committed. */
export function prepareRoll(members: number, seed: string, auditPath: string): DemoRoll {
  const synthetic = makeSyntheticRoll({ members, seed });
  const built = buildRoll(parseCsvText(synthetic.csv), synthetic.rules);
  if (!built.ok) throw new Error(`synthetic roll refused: ${built.error[0]?.reason ?? ''}`);
  const audit = writeRollAudit(built.value, auditPath);
  const found = new Set(audit.findings.map((f) => `${f.rule} ${f.memberIds.join(',')}`));
  const planted = synthetic.planted.map((p) => `${p.rule} ${p.memberIds.join(',')}`);
  const flagged = new Set(audit.findings.flatMap((f) => f.memberIds));
  const { commitment, references } = commitRollMembers(built.value);
  return {
    roll: built.value,
    audit,
    missed: planted.filter((p) => !found.has(p)),
    wronglyFlagged: synthetic.cleanMemberIds.filter((id) => flagged.has(id)),
    commitment,
    references,
  };
}

/** Records the MPs' nominations and closes them; writes DIR/nominations.json. */
export function runNominations(
  outDir: string,
  plan: readonly (readonly [string, number])[] = DEFAULT_NOMINATIONS
): { closed: ClosedNominations; path: string; summary: string } {
  const nominators = Array.from({ length: NOMINATORS }, (_, i) => ({
    id: `mp-${String(i + 1).padStart(3, '0')}`,
    name: `Member of Parliament ${i + 1}`,
  }));
  let state = openNominations(nominators);
  let next = 0;
  for (const [name, count] of plan) {
    for (let i = 0; i < count; i++, next++) {
      const recorded = recordNomination(state, {
        nominator: nominators[next]?.id ?? 'nobody',
        candidateName: name,
        form: `NF-${String(next + 1).padStart(4, '0')}`,
      });
      if (!recorded.ok) throw new Error(recorded.error.message);
      state = recorded.value;
    }
  }
  const path = join(outDir, 'nominations.json');
  const closed = writeClosedNominations(state, NOMINATION_THRESHOLD, path);
  return { closed, path, summary: describeOutcome(closed) };
}

/** An instant as the manifest writes it (seconds, Z). */
export function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The manifest draft (spec §9.2, without `board`) of the members' ballot. */
export function manifestDraft(options: {
  readonly electionId: string;
  readonly now: Date;
  readonly nominations: ClosedNominations;
  readonly trustees: readonly TrusteeManifestEntry[];
  readonly threshold: number;
  readonly roll: { readonly count: number; readonly root: string };
}): Record<string, unknown> {
  return {
    format: 'scrutineer/v1',
    electionId: options.electionId,
    title: 'Election of the Leader of the Example Party',
    organisation: 'Example Party',
    contests: [
      {
        id: 'leader',
        title: 'Leader of the party',
        minSelections: 1,
        maxSelections: 1,
        candidates: options.nominations.ballot.map((c) => ({ id: c.id, name: c.name })),
      },
    ],
    window: {
      opens: instant(new Date(options.now.getTime() - 60_000)),
      closes: instant(new Date(options.now.getTime() + 14 * 24 * 3_600_000)),
    },
    channels: { online: true, postal: true },
    policy: 'first-ballot-final',
    trustees: { threshold: options.threshold, members: options.trustees },
    roll: options.roll,
    nominations: options.nominations.manifestField,
    securityQuestions: [
      { id: 'dob', label: 'Date of birth' },
      { id: 'postcode', label: 'Postcode' },
    ],
  };
}
