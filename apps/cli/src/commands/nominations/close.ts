/**
 * @module `scrutineer nominations close --state <file> --threshold 100 --out <nominations.json>`
 * (spec §9.2.6): closes nominations and publishes them. Writes nominations.json (canonical
 * JSON bytes, for the record bundle) and the manifest's `nominations` field `{threshold, hash,
 * qualified}`, and prints the outcome: the ballot's candidates in order, or the candidate elected
 * unopposed (no members' ballot), or why no candidate qualified.
 */
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import {
  type ClosedNominations,
  type NominationState,
  closeNominations,
  DEFAULT_NOMINATION_THRESHOLD,
} from '@scrutineer/protocol';
import { parseCountOption } from '../roll/import.ts';
import { writeFileAtomic, writeJsonFile } from '../roll/roll-files.ts';
import { readNominationState, writeNominationState } from './state-file.ts';

export const NOMINATIONS_MANIFEST_FILE = 'nominations-manifest.json';

/** Library form: closes `state`, writes nominations.json and the manifest field; throws on refusal. */
export function writeClosedNominations(
  state: NominationState,
  threshold: number,
  outPath: string,
  manifestFieldPath: string = join(dirname(outPath), NOMINATIONS_MANIFEST_FILE)
): ClosedNominations {
  const closed = closeNominations(state, threshold);
  if (!closed.ok) throw new Error(closed.error.message);
  writeFileAtomic(outPath, closed.value.bytes);
  writeJsonFile(manifestFieldPath, closed.value.manifestField);
  return closed.value;
}

export function describeOutcome(closed: ClosedNominations): string {
  const { document, ballot } = closed;
  const lines = [
    `Nominations closed at threshold ${document.threshold} (${document.nominations.length} nominations from ${document.nominators} nominators):`,
  ];
  for (const c of document.candidates)
    lines.push(
      `  ${String(c.nominations).padStart(5)}  ${c.name}${document.qualified.includes(c.id) ? '  (qualified)' : ''}`
    );
  const outcome = document.outcome;
  if (outcome.result === 'ballot') {
    lines.push(`Ballot: ${ballot.map((c, i) => `${i + 1}. ${c.name} [${c.id}]`).join(', ')}.`);
  } else if (outcome.result === 'elected-unopposed') {
    lines.push(
      `${ballot[0]?.name ?? outcome.candidate} is the only qualifying candidate and is elected unopposed: no members' ballot.`
    );
  } else {
    lines.push(`No members' ballot: ${outcome.reason}.`);
  }
  return `${lines.join('\n')}\n`;
}

export function nominationsCloseCommand(): Command {
  return new Command('close')
    .description('close nominations: apply the threshold, publish nominations.json and the outcome')
    .requiredOption('--state <file>', 'the nominations state file')
    .option(
      '--threshold <n>',
      'nominations a candidate needs to go on the ballot',
      parseCountOption,
      DEFAULT_NOMINATION_THRESHOLD
    )
    .requiredOption('--out <nominations.json>', 'the public nominations document (canonical JSON)')
    .option(
      '--manifest-field <file>',
      `the manifest's "nominations" {threshold, hash, qualified} (default: ${NOMINATIONS_MANIFEST_FILE} beside --out)`
    )
    .action(
      (options: { state: string; threshold: number; out: string; manifestField?: string }) => {
        const state = readNominationState(options.state);
        const closed = closeNominations(state, options.threshold);
        if (!closed.ok) {
          process.stderr.write(`Refused (${closed.error.code}): ${closed.error.message}\n`);
          process.exitCode = 1;
          return;
        }
        const fieldPath =
          options.manifestField ?? join(dirname(options.out), NOMINATIONS_MANIFEST_FILE);
        writeClosedNominations(state, options.threshold, options.out, fieldPath);
        writeNominationState(options.state, closed.value.state);
        process.stdout.write(describeOutcome(closed.value));
        process.stdout.write(
          `Published: ${options.out} (sha256 ${closed.value.manifestField.hash}); manifest field: ${fieldPath}\n`
        );
        process.exitCode = 0;
      }
    );
}
