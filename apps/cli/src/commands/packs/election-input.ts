/**
 * @module The election a pack run is for (`--election`): a manifest file (final, or a draft: only
 * `electionId` is required, and `title`, `organisation`, `contests`, `securityQuestions`, `window`
 * and `roll` are read when present) or a bare election id. Credentials need only the id (spec
 * §6.5); printed ballots need the contests; the fingerprint needs the whole manifest (spec §9.3).
 */
import { existsSync } from 'node:fs';
import { type Manifest, parseManifest } from '@scrutineer/record';
import type { RollCommitment } from '@scrutineer/protocol';
import { readJsonFile } from '../roll/roll-files.ts';

export interface ElectionDraft {
  readonly electionId: string;
  readonly title: string;
  readonly organisation: string;
  readonly contests: Manifest['contests'];
  readonly questionIds: readonly string[];
  readonly questionLabels: readonly string[];
  readonly closes: string | null;
  readonly roll: RollCommitment | null;
  /** Spec §13.1, §13.4: the ballot styles and weights the credentials are bound to, when any. */
  readonly styles?: Manifest['styles'];
  readonly weights?: Manifest['weights'];
  /** The manifest when the file is a complete, valid one (spec §9.2), else null. */
  readonly manifest: Manifest | null;
}

const ELECTION_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const DEFAULT_QUESTIONS = [
  { id: 'dob', label: 'Date of birth' },
  { id: 'postcode', label: 'Postcode' },
];

/** Reads `--election`; throws with the reason when it is neither a usable file nor an id. */
export function readElection(argument: string): ElectionDraft {
  if (!existsSync(argument)) {
    if (!ELECTION_ID.test(argument))
      throw new Error(
        `--election ${argument}: neither a manifest file nor an election id ([a-z0-9-], 3–64)`
      );
    return electionDraft({ electionId: argument }, null);
  }
  const value = readJsonFile(argument);
  const parsed = parseManifest(value);
  return electionDraft(value as Partial<Manifest>, parsed.ok ? parsed.value : null, argument);
}

export function electionDraft(
  value: Partial<Manifest>,
  manifest: Manifest | null,
  source = 'the election'
): ElectionDraft {
  const electionId = value.electionId;
  if (typeof electionId !== 'string' || !ELECTION_ID.test(electionId))
    throw new Error(`${source}: electionId missing or malformed`);
  const questions = Array.isArray(value.securityQuestions)
    ? value.securityQuestions
    : DEFAULT_QUESTIONS;
  const roll = value.roll;
  // A complete manifest's fields are checked by parseManifest; a draft's are taken as written
  // (the board checks them when the election is created).
  const { styles, weights } = manifest ?? value;
  return {
    ...(styles === undefined ? {} : { styles }),
    ...(weights === undefined ? {} : { weights }),
    electionId,
    title: typeof value.title === 'string' ? value.title : electionId,
    organisation: typeof value.organisation === 'string' ? value.organisation : '',
    contests: Array.isArray(value.contests) ? value.contests : [],
    questionIds: questions.map((q) => q.id),
    questionLabels: questions.map((q) => q.label.toLowerCase()),
    closes: typeof value.window?.closes === 'string' ? value.window.closes : null,
    roll:
      typeof roll?.count === 'number' && typeof roll.root === 'string'
        ? { count: roll.count, root: roll.root }
        : null,
    manifest,
  };
}
