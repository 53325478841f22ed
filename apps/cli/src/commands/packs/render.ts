/**
 * @module `scrutineer packs render`: the print-ready PDF packs from the files of `packs
 * generate` (print/packs.csv, credentials.json), the roll (names, addresses), the roll references
 * and the election. Run it once the ceremony is done, with `--server`, so the packs carry the
 * fingerprint the booth will show (spec §9.3), made from the key recomputed from the trustees'
 * ceremony on the board (board-fingerprint.ts, spec §9.3.1). Also the library `renderPackPdfs` that
 * `packs generate` uses.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type Roll, type PrintRow, encodeRollReference } from '@scrutineer/protocol';
import { bytesToHex, deriveCredentialKey, loadGroup, parseVotingCode } from '@scrutineer/crypto';
import { ServerClient } from '../../client/server-client.ts';
import { PackPdfWriter } from '../../pdf/pack-pdf-batches.ts';
import type { PackElection, PackSheet } from '../../pdf/pack-sheet.ts';
import { type PackLanguage, PACK_LANGUAGES, isPackLanguage } from '../../pdf/pack-text.ts';
import { progressBar } from '../../progress.ts';
import { parseCountOption } from '../roll/import.ts';
import { type RollReferencesFile, readRollFile, readRollReferences } from '../roll/roll-files.ts';
import { ceremonyKeyFromBoard, packFingerprint } from './board-fingerprint.ts';
import { bilingualElection, translatedElection } from './bilingual.ts';
import { type ElectionDraft, readElection } from './election-input.ts';
import { packPaths, readCredentialsFile, readPrintFile } from './pack-files.ts';

export interface RenderOptions {
  readonly rows: readonly PrintRow[];
  readonly roll: Roll;
  readonly references: RollReferencesFile;
  readonly election: ElectionDraft;
  readonly fingerprint: string | null;
  readonly directory: string;
  readonly boothUrl?: string | null;
  readonly batchSize?: number;
  /** Render only the first `limit` packs (a sample); default all. */
  readonly limit?: number;
  readonly fontPath?: string;
  readonly boldFontPath?: string;
  /** The languages of the pack's instructions, the first first (spec §9.11); default English. */
  readonly languages?: readonly PackLanguage[];
  readonly onProgress?: (done: number, total: number) => void;
}

/** Library form: writes `packs-NNNN.pdf` files into `directory`; returns their paths and the pack count. */
export async function renderPackPdfs(
  options: RenderOptions
): Promise<{ files: readonly string[]; packs: number }> {
  const { election, roll, references } = options;
  if (election.contests.length === 0)
    throw new Error(
      'the election has no contests: give a manifest (or draft) with its contests to print ballots'
    );
  const members = new Map(roll.members.map((m) => [m.memberId, m]));
  const inclusions = new Map(references.references.map((r) => [r.memberId, r]));
  const packElection: PackElection = {
    electionId: election.electionId,
    organisation: election.organisation,
    title: election.title,
    contests: election.contests,
    fingerprint: options.fingerprint,
    boothUrl: options.boothUrl ?? null,
    questionLabels: election.questionLabels,
    closes: election.closes,
    ...(options.languages === undefined ? {} : { languages: options.languages }),
  };
  const writer = new PackPdfWriter(packElection, {
    directory: options.directory,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.fontPath === undefined ? {} : { fontPath: options.fontPath }),
    ...(options.boldFontPath === undefined ? {} : { boldFontPath: options.boldFontPath }),
  });
  const total = Math.min(options.limit ?? options.rows.length, options.rows.length);
  const group = await loadGroup('sodium');
  for (const row of options.rows.slice(0, total)) {
    const member = members.get(row.member_id);
    const inclusion = inclusions.get(row.member_id);
    if (member === undefined || inclusion === undefined)
      throw new Error(
        `member ${row.member_id} of the print file is not in the roll and its references`
      );
    const commitment = { count: references.count, root: references.root };
    // The return slip names the credential (spec §9.5.3); the code derives it (spec §6.5).
    const code = parseVotingCode(row.code);
    if (!code.ok) throw new Error(`the code of member ${row.member_id} does not parse`);
    const credential = bytesToHex(
      group.encodePoint(deriveCredentialKey(group, election.electionId, code.value).publicKey)
    );
    const sheet: PackSheet = {
      packId: row.pack_id,
      memberId: member.memberId,
      name: member.name,
      addressLines: [...member.address.split('\n'), member.postcode],
      code: row.code,
      credential,
      returnSecret: row.return_secret,
      roll: {
        index: inclusion.index,
        count: references.count,
        salt: inclusion.salt,
        root: references.root,
        reference: encodeRollReference(commitment, inclusion),
      },
      ...packStyle(election, member.category),
      // Spec §13.2.1 step 6: with weights, the member's weight on the slip (1 without a roll weight).
      ...(election.weights === undefined ? {} : { weight: member.weight ?? 1 }),
    };
    await writer.add(sheet);
    options.onProgress?.(writer.packs, total);
  }
  return { files: await writer.close(), packs: writer.packs };
}

/**
 * Spec §13.2.1 step 1: the member's ballot style as the pack prints it — its number on the return
 * slip and its contests on the paper — from the roll's category; none without styles.
 */
export function packStyle(
  election: ElectionDraft,
  category: string | undefined
): Pick<PackSheet, 'style'> {
  const categories = election.styles?.categories;
  if (categories === undefined) return {};
  const place = categories.findIndex((k) => k.id === category);
  const style = categories[place];
  // `packs generate` refused a roll whose categories do not fit the manifest (§13.1.1).
  if (style === undefined)
    throw new Error(`no ballot style ${category ?? '(none)'} in the manifest`);
  return {
    style: {
      mark: place + 1,
      contests: style.contests.map((id) => election.contests.findIndex((c) => c.id === id)),
    },
  };
}

export const LANGUAGE_OPTION_HELP = {
  language:
    "the pack's language (en or cy): its instructions, and the manifest's texts where it translates them",
  alsoLanguage:
    "a bilingual pack: each instruction, and the manifest's texts where it translates them, also in this language (cy or en)",
} as const;

export function parseLanguageOption(value: string): PackLanguage {
  if (!isPackLanguage(value))
    throw new InvalidArgumentError(`the pack is written in ${PACK_LANGUAGES.join(', ')} only`);
  return value;
}

/**
 * `--language` and `--also-language` (spec §9.11): the election with the manifest's texts in the
 * pack's language (and after a slash in the second), and the languages of the instructions.
 */
export function packLanguages(
  read: ElectionDraft,
  language: PackLanguage,
  alsoLanguage: PackLanguage | undefined
): { election: ElectionDraft; languages: readonly PackLanguage[] } {
  if (alsoLanguage === language)
    throw new InvalidArgumentError('--also-language must differ from --language');
  const main = language === 'en' ? read : translatedElection(read, language);
  if (alsoLanguage === undefined) return { election: main, languages: [language] };
  return { election: bilingualElection(main, alsoLanguage), languages: [language, alsoLanguage] };
}

export function parseHexOption(value: string): string {
  if (!/^[0-9a-f]{64}$/i.test(value)) throw new InvalidArgumentError('expected 64 hex digits');
  return value.toLowerCase();
}

/** `--server` (and `--election-key`) as the recomputed key, or null when no board is given. */
export async function boardKeyOption(
  election: ElectionDraft,
  server: string | undefined,
  electionKey: string | undefined
): Promise<Awaited<ReturnType<typeof ceremonyKeyFromBoard>> | null> {
  if (server === undefined) {
    if (electionKey !== undefined)
      throw new InvalidArgumentError(
        "--election-key needs --server: the key is recomputed from the trustees' ceremony on the board"
      );
    return null;
  }
  return ceremonyKeyFromBoard(await loadGroup('sodium'), election, {
    board: new ServerClient(server),
    ...(electionKey === undefined ? {} : { electionKey }),
  });
}

export function packsRenderCommand(): Command {
  return new Command('render')
    .description('render the print-ready PDF packs from the files of `packs generate`')
    .requiredOption('--dir <dir>', 'the output directory of `packs generate`')
    .requiredOption('--roll <roll.json>', 'the roll (names and addresses)')
    .requiredOption('--references <roll-references.json>', 'the roll references from `roll commit`')
    .requiredOption('--election <manifest.json|id>', 'the manifest (or a draft with the contests)')
    .option(
      '--server <url>',
      "the board: the fingerprint is made from the election key recomputed from the trustees' ceremony on it"
    )
    .option(
      '--election-key <hex>',
      'the key the officer states (with --server): refused unless it is the recomputed one',
      parseHexOption
    )
    .option('--booth-url <url>', 'the voting website address printed on the packs')
    .option(
      '--print-file <packs.csv>',
      "render only these printer's rows, e.g. email/postal-fallback.csv of `packs email` (default: print/packs.csv)"
    )
    .option('--batch-size <n>', 'members per PDF file', parseCountOption, 500)
    .option('--limit <n>', 'render only the first n packs (a sample)', parseCountOption)
    .option(
      '--font <file>',
      'a TrueType font with every character of the names (default: the standard Helvetica)'
    )
    .option('--bold-font <file>', 'its bold face')
    .option('--language <code>', LANGUAGE_OPTION_HELP.language, parseLanguageOption, 'en')
    .option('--also-language <code>', LANGUAGE_OPTION_HELP.alsoLanguage, parseLanguageOption)
    .action(
      async (options: {
        dir: string;
        roll: string;
        references: string;
        election: string;
        server?: string;
        electionKey?: string;
        boothUrl?: string;
        printFile?: string;
        batchSize: number;
        limit?: number;
        font?: string;
        boldFont?: string;
        language: PackLanguage;
        alsoLanguage?: PackLanguage;
      }) => {
        const paths = packPaths(options.dir);
        const read = readElection(options.election);
        const { election, languages } = packLanguages(read, options.language, options.alsoLanguage);
        const credentials = readCredentialsFile(paths.credentials);
        const fingerprint = packFingerprint(
          await boardKeyOption(election, options.server, options.electionKey),
          credentials
        );
        const rows = readPrintFile(options.printFile ?? paths.print);
        const bar = progressBar(
          'rendering packs',
          Math.min(options.limit ?? rows.length, rows.length)
        );
        const start = performance.now();
        const rendered = await renderPackPdfs({
          rows,
          roll: readRollFile(options.roll),
          references: readRollReferences(options.references),
          election,
          fingerprint,
          directory: paths.pdfDirectory,
          boothUrl: options.boothUrl ?? null,
          batchSize: options.batchSize,
          languages,
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          ...(options.font === undefined ? {} : { fontPath: options.font }),
          ...(options.boldFont === undefined ? {} : { boldFontPath: options.boldFont }),
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        const seconds = (performance.now() - start) / 1000;
        process.stdout.write(
          `Rendered ${rendered.packs} packs into ${rendered.files.length} PDF file(s) in ${paths.pdfDirectory} (${(rendered.packs / seconds).toFixed(0)} packs/s).\n`
        );
        process.stdout.write(
          fingerprint === null
            ? 'No fingerprint printed: give --server (the board, after the ceremony).\n'
            : `Fingerprint printed: ${fingerprint}\n`
        );
        process.exitCode = 0;
      }
    );
}
