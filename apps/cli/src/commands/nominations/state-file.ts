/** @module The nominations state file (`--state`): the open nominations between commands. */
import { existsSync } from 'node:fs';
import { type NominationState, parseNominationState } from '@scrutineer/protocol';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

export function readNominationState(path: string): NominationState {
  if (!existsSync(path))
    throw new Error(`${path} does not exist: run \`nominations import\` first`);
  const parsed = parseNominationState(readJsonFile(path));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.value;
}

export function writeNominationState(path: string, state: NominationState): void {
  writeJsonFile(path, state);
}
