/**
 * @module `scrutineer packs approval-key` (spec §9.2.7): the registrar's replacement-approval key
 * for one election. The secret file (mode 0600) stays with the registrar and signs every
 * replacement pack (`packs replace`); the public key goes into the manifest's `replacements`,
 * written beside it as `<file>.public.json` for `election create --replacements`. The officer never
 * holds it: a replacement needs both officials (spec §9.5).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from 'commander';
import {
  type Group,
  bytesToHex,
  decodeScalar,
  encodeScalar,
  hexToBytes,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import type { Manifest } from '@scrutineer/record';
import { parseCountOption } from '../roll/import.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';

export const APPROVAL_KEY_FORMAT = 'scrutineer/replacement-approval-key/v1';

export interface ApprovalKeyFile {
  readonly format: typeof APPROVAL_KEY_FORMAT;
  readonly electionId: string;
  readonly secretKey: string;
  readonly publicKey: string;
}

export type ReplacementsField = NonNullable<Manifest['replacements']>;

export function createApprovalKeyFile(group: Group, electionId: string): ApprovalKeyFile {
  const secretKey = randomScalar();
  return {
    format: APPROVAL_KEY_FORMAT,
    electionId,
    secretKey: bytesToHex(encodeScalar(secretKey)),
    publicKey: bytesToHex(group.encodePoint(group.multiplyBase(secretKey))),
  };
}

/** Writes the secret file readable by its owner only, and never over an existing file. */
export function writeApprovalKeyFile(path: string, file: ApprovalKeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

export function readApprovalKeyFile(path: string): ApprovalKeyFile {
  const value = readJsonFile(path) as Partial<ApprovalKeyFile> | null;
  if (
    value?.format !== APPROVAL_KEY_FORMAT ||
    typeof value.secretKey !== 'string' ||
    typeof value.publicKey !== 'string' ||
    typeof value.electionId !== 'string'
  )
    throw new Error(`${path}: not a ${APPROVAL_KEY_FORMAT} file`);
  return value as ApprovalKeyFile;
}

export function approvalSecretKey(file: ApprovalKeyFile): bigint {
  return decodeScalar(hexToBytes(file.secretKey));
}

/**
 * Spec §9.2.7: refuses a manifest whose `replacements.approverKey` is not this registrar's key (a
 * manifest naming a key the officer holds would let the officer replace packs alone), or that
 * allows no replacements at all. The registrar runs it before printing packs and before each
 * replacement.
 */
export function checkApprover(manifest: Manifest, file: ApprovalKeyFile): ReplacementsField {
  const rules = manifest.replacements;
  if (rules === undefined)
    throw new Error('the manifest allows no replacement packs (no `replacements`)');
  if (rules.approverKey !== file.publicKey || file.electionId !== manifest.electionId)
    throw new Error(
      `the manifest's replacements.approverKey ${rules.approverKey} is not this registrar's key ${file.publicKey} for ${file.electionId}`
    );
  return rules;
}

export function publicFieldPath(keyPath: string): string {
  return keyPath.replace(/\.json$/, '') + '.public.json';
}

export function packsApprovalKeyCommand(): Command {
  return new Command('approval-key')
    .description(
      "create the registrar's replacement-approval key (secret file, mode 0600) and the manifest's `replacements` field"
    )
    .requiredOption('--election <id>', 'the election id')
    .requiredOption('--out <key.json>', 'the secret key file (also writes <key>.public.json)')
    .requiredOption(
      '--limit <n>',
      'the most replacement packs the election may issue (manifest replacements.limit)',
      parseCountOption
    )
    .option(
      '--stops-before-close <seconds>',
      'no replacement within this many seconds of the close (default two days)',
      parseCountOption,
      172_800
    )
    .action(
      async (options: {
        election: string;
        out: string;
        limit: number;
        stopsBeforeClose: number;
      }) => {
        if (existsSync(options.out))
          throw new Error(`${options.out} exists: a key is never overwritten`);
        const file = createApprovalKeyFile(await loadGroup('sodium'), options.election);
        writeApprovalKeyFile(options.out, file);
        const field: ReplacementsField = {
          approverKey: file.publicKey,
          limit: options.limit,
          stopsBeforeClose: options.stopsBeforeClose,
        };
        const publicPath = publicFieldPath(options.out);
        writeJsonFile(publicPath, field);
        process.stdout.write(
          [
            `Replacement-approval key for ${file.electionId}: ${options.out} (secret, mode 0600; keep it with the registrar)`,
            `Public key for the manifest: ${file.publicKey}`,
            `Manifest field replacements: ${publicPath} (give it to \`election create --replacements\`)`,
            'Check the published manifest names this key before printing any pack.',
            '',
          ].join('\n')
        );
      }
    );
}
