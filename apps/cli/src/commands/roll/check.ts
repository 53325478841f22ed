/**
 * @module `scrutineer roll check` (spec §9.2.5): confirms that a member is counted in the
 * published roll commitment, from the inclusion reference on their pack. The count and root come
 * from the manifest (`--manifest`) or are given (`--count`, `--root`); the reference is given as
 * its parts (`--salt`, `--index`, `--proof`…) or as the printed/QR text (`--reference`,
 * `--reference-file`). Exit 0 counted, 1 not counted, 2 unusable input.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  type RollCommitment,
  type RollInclusion,
  checkRollInclusion,
  parseRollReference,
  sameCommitment,
} from '@scrutineer/protocol';
import { parseCountOption } from './import.ts';
import { readJsonFile } from './roll-files.ts';

interface CheckOptions {
  manifest?: string;
  count?: number;
  root?: string;
  memberId: string;
  salt?: string;
  index?: number;
  proof?: string[];
  reference?: string;
  referenceFile?: string;
}

export type RollCheckAnswer =
  | { readonly counted: true; readonly message: string }
  | { readonly counted: false; readonly message: string; readonly unusable?: true };

/** The published commitment from a manifest (final or draft: only its `roll` is read). */
function commitmentFromManifest(path: string): RollCommitment {
  const roll = (readJsonFile(path) as { roll?: Partial<RollCommitment> } | null)?.roll;
  if (typeof roll?.count !== 'number' || typeof roll.root !== 'string')
    throw new Error(`${path} has no roll {count, root}`);
  return { count: roll.count, root: roll.root.toLowerCase() };
}

/** Library form of the command: the answer for these options (reads the files they name). */
export function checkRollMember(options: CheckOptions): RollCheckAnswer {
  const unusable = (message: string): RollCheckAnswer => ({
    counted: false,
    message,
    unusable: true,
  });
  let published: RollCommitment | undefined;
  if (options.manifest !== undefined) published = commitmentFromManifest(options.manifest);
  else if (options.count !== undefined && options.root !== undefined)
    published = { count: options.count, root: options.root.toLowerCase() };
  const referenceText =
    options.reference ??
    (options.referenceFile === undefined ? undefined : readFileSync(options.referenceFile, 'utf8'));
  let inclusion: RollInclusion;
  if (referenceText !== undefined) {
    const parsed = parseRollReference(referenceText);
    if (!parsed.ok) return unusable(parsed.error.message);
    if (published === undefined)
      return unusable('give the published roll: --manifest, or --count and --root');
    if (!sameCommitment(parsed.value.commitment, published)) {
      return {
        counted: false,
        message: `NOT COUNTED: this pack's reference is for a roll of ${parsed.value.commitment.count} with root ${parsed.value.commitment.root}, but the published roll is ${published.count} with root ${published.root}`,
      };
    }
    inclusion = { memberId: options.memberId, ...parsed.value.inclusion };
  } else {
    if (published === undefined)
      return unusable('give the published roll: --manifest, or --count and --root');
    if (options.salt === undefined || options.index === undefined) {
      return unusable(
        'give the reference: --reference (or --reference-file), or --salt, --index and --proof'
      );
    }
    inclusion = {
      memberId: options.memberId,
      salt: options.salt.toLowerCase(),
      index: options.index,
      proof: (options.proof ?? []).map((p) => p.toLowerCase()),
    };
  }
  const result = checkRollInclusion(published, inclusion);
  if (result.ok) {
    return {
      counted: true,
      message: `COUNTED: member ${inclusion.memberId} is entry ${inclusion.index} of the ${published.count} eligible members under root ${published.root}`,
    };
  }
  return result.code === 'roll/malformed-reference'
    ? unusable(result.message)
    : { counted: false, message: `NOT COUNTED: ${result.message}` };
}

export function rollCheckCommand(): Command {
  return new Command('check')
    .description('check that a member is counted in the published roll commitment, from their pack')
    .requiredOption('--member-id <id>', 'the member id printed on the pack')
    .option('--manifest <file>', 'take count and root from this manifest (its "roll")')
    .option('--count <n>', 'the published roll count', parseCountOption)
    .option('--root <hex>', 'the published roll root')
    .option(
      '--reference <text>',
      'the roll reference as printed on the pack or read from its QR code (ROLL1:…)'
    )
    .option('--reference-file <file>', 'a file holding the reference text')
    .option('--salt <hex>', "the member's salt")
    .option('--index <n>', "the member's entry number", parseCountOption)
    .option('--proof <hex...>', 'the inclusion proof hashes, leaf to root')
    .action((options: CheckOptions) => {
      const answer = checkRollMember(options);
      if (answer.counted) process.stdout.write(`${answer.message}\n`);
      else
        process.stderr.write(
          `${answer.unusable === true ? 'scrutineer roll check: ' : ''}${answer.message}\n`
        );
      process.exitCode = answer.counted ? 0 : answer.unusable === true ? 2 : 1;
    });
}
