/**
 * @module `scrutineer roll commit <roll.json> --out <dir>` (spec §9.2.5): commits to the
 * eligible members with fresh salts. Writes `<dir>/roll-commitment.json` (`{count, root}`: the
 * manifest's `roll`, public) and `<dir>/roll-references.json` (each member's salt, index and
 * proof, for their pack: private). Committing again draws new salts and a new root.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { type Roll, type RollCommitment, commitRoll, eligibleMembers } from '@scrutineer/protocol';
import {
  ROLL_REFERENCES_FORMAT,
  type RollReferencesFile,
  readRollFile,
  writeJsonFile,
} from './roll-files.ts';

export const ROLL_COMMITMENT_FILE = 'roll-commitment.json';
export const ROLL_REFERENCES_FILE = 'roll-references.json';

/** Library form: the commitment and the references of the eligible members of `roll`. */
export function commitRollMembers(roll: Roll): {
  commitment: RollCommitment;
  references: RollReferencesFile;
} {
  const { commitment, inclusions } = commitRoll(eligibleMembers(roll).map((m) => m.memberId));
  return {
    commitment,
    references: { format: ROLL_REFERENCES_FORMAT, ...commitment, references: inclusions },
  };
}

/** Library form: commits and writes both files into `outDir`; returns their paths too. */
export function writeRollCommitment(
  roll: Roll,
  outDir: string
): {
  commitment: RollCommitment;
  references: RollReferencesFile;
  commitmentPath: string;
  referencesPath: string;
} {
  const { commitment, references } = commitRollMembers(roll);
  const commitmentPath = join(outDir, ROLL_COMMITMENT_FILE);
  const referencesPath = join(outDir, ROLL_REFERENCES_FILE);
  writeJsonFile(referencesPath, references);
  writeJsonFile(commitmentPath, commitment);
  return { commitment, references, commitmentPath, referencesPath };
}

export function rollCommitCommand(): Command {
  return new Command('commit')
    .description(
      "commit to the eligible members: {count, root} for the manifest, each member's inclusion reference for their pack"
    )
    .argument('<roll.json>', 'a roll written by `roll import` (resolve the audit findings first)')
    .requiredOption(
      '--out <dir>',
      `where to write ${ROLL_COMMITMENT_FILE} (public) and ${ROLL_REFERENCES_FILE} (private)`
    )
    .action((rollPath: string, options: { out: string }) => {
      const written = writeRollCommitment(readRollFile(rollPath), options.out);
      process.stdout.write(
        `Roll commitment: count ${written.commitment.count}, root ${written.commitment.root}\n` +
          `Manifest "roll": ${written.commitmentPath}\nPer-member references (private): ${written.referencesPath}\n`
      );
      process.exitCode = 0;
    });
}
