/**
 * @module `scrutineer packs generate --roll roll.json --references roll-references.json --election
 * <manifest|id> --out DIR`: one credential per eligible member of the committed roll, and
 * the files of pack-files.ts: the shuffled public credential list, the answers table for the server
 * (the server's own Argon2id, on all cores), the printer's file and the PDF packs. Packs are in
 * postcode order, for the mailing. Also the library `generatePackFiles` the demo calls in-process.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type Group, loadGroup } from '@scrutineer/crypto';
import {
  type AnswersHasher,
  type GeneratedPacks,
  type Roll,
  buildAnswersTable,
  eligibleMembers,
  generatePackCredentials,
  packRegisterRows,
  printRows,
  rollTermsProblems,
  sameCommitment,
  termsOfMember,
} from '@scrutineer/protocol';
import type { Argon2Parameters } from '@scrutineer/protocol';
import { progressBar } from '../../progress.ts';
import { parseCountOption } from '../roll/import.ts';
import { type RollReferencesFile, readRollFile, readRollReferences } from '../roll/roll-files.ts';
import { defaultArgon2Parameters, startAnswersHashing } from './answers-hashing.ts';
import { ServerClient } from '../../client/server-client.ts';
import { checkApprover, readApprovalKeyFile } from './approval-key.ts';
import { type ElectionDraft, readElection } from './election-input.ts';
import {
  ANSWERS_FORMAT,
  CREDENTIALS_FORMAT,
  packPaths,
  writeAnswersFile,
  writeCredentialsFile,
  writePackRegister,
  writePrintFile,
} from './pack-files.ts';
import {
  type FingerprintSource,
  ceremonyKeyFromBoard,
  packFingerprint,
} from './board-fingerprint.ts';
import type { PackLanguage } from '../../pdf/pack-text.ts';
import {
  LANGUAGE_OPTION_HELP,
  packLanguages,
  parseHexOption,
  parseLanguageOption,
  renderPackPdfs,
} from './render.ts';

export interface PdfOptions {
  readonly boothUrl?: string | null;
  readonly batchSize?: number;
  readonly limit?: number;
  readonly fontPath?: string;
  readonly boldFontPath?: string;
  /** The pack's language and a second for a bilingual pack (spec §9.11); default English only. */
  readonly language?: PackLanguage;
  readonly alsoLanguage?: PackLanguage;
}

export interface GeneratePackFilesOptions {
  readonly roll: Roll;
  readonly references: RollReferencesFile;
  readonly election: ElectionDraft;
  readonly outDir: string;
  /** Default: the sodium backend. */
  readonly group?: Group;
  /** How to hash the answers: worker threads running the server's function (default), or a hasher. */
  readonly answers?:
    | { readonly threads?: number; readonly parameters?: Argon2Parameters }
    | { readonly hasher: AnswersHasher; readonly concurrency?: number };
  /**
   * The board the fingerprint printed on the packs comes from (spec §9.3.1): the election key
   * is recomputed from its ceremony events, and the run refuses before generating anything if the
   * published key does not follow from them. Without it the fingerprint is left blank.
   */
  readonly fingerprint?: FingerprintSource;
  /** PDF packs: false for none. */
  readonly pdf?: false | PdfOptions;
  readonly onProgress?: (
    stage: 'credentials' | 'answers' | 'pdf',
    done: number,
    total: number
  ) => void;
}

export interface GeneratedPackFiles {
  readonly packs: GeneratedPacks;
  readonly paths: ReturnType<typeof packPaths>;
  readonly fingerprint: string | null;
  readonly pdfFiles: readonly string[];
  readonly pdfPacks: number;
  readonly seconds: {
    readonly credentials: number;
    readonly answers: number;
    readonly pdf: number;
  };
}

/**
 * The eligible members the references commit to, in mailing order; throws if roll and references
 * disagree, or if the members' categories and weights cannot be bound to the manifest's styles and
 * weights (spec §13.1, §13.3, §13.4), naming every problem.
 */
function committedMembers(
  roll: Roll,
  references: RollReferencesFile,
  election: ElectionDraft
): ReturnType<typeof eligibleMembers> {
  const members = eligibleMembers(roll);
  const referenced = new Set(references.references.map((r) => r.memberId));
  if (references.count !== members.length || members.some((m) => !referenced.has(m.memberId))) {
    throw new Error(
      "the roll references are not those of this roll's eligible members: run `roll commit` on this roll"
    );
  }
  if (election.roll !== null && !sameCommitment(election.roll, references)) {
    throw new Error(
      `the manifest's roll (${election.roll.count}, ${election.roll.root}) is not the one in the references (${references.count}, ${references.root})`
    );
  }
  const problems = rollTermsProblems(election, members);
  if (problems.length > 0)
    throw new Error(
      `the roll's categories and weights do not fit the manifest; no packs were made:\n${problems.map((p) => `  ${p.code}: ${p.message}`).join('\n')}`
    );
  const postcodeKey = (postcode: string) => postcode.replace(/\s+/g, '');
  return [...members].sort((a, b) =>
    postcodeKey(a.postcode) !== postcodeKey(b.postcode)
      ? postcodeKey(a.postcode) < postcodeKey(b.postcode)
        ? -1
        : 1
      : a.memberId < b.memberId
        ? -1
        : a.memberId > b.memberId
          ? 1
          : 0
  );
}

/** Library form of `packs generate`. */
export async function generatePackFiles(
  options: GeneratePackFilesOptions
): Promise<GeneratedPackFiles> {
  const { election, roll, references, onProgress } = options;
  const members = committedMembers(roll, references, election);
  const paths = packPaths(options.outDir);
  const group = options.group ?? (await loadGroup('sodium'));
  const ceremonyKey =
    options.fingerprint === undefined
      ? null
      : await ceremonyKeyFromBoard(group, election, options.fingerprint);

  let start = performance.now();
  const packs = generatePackCredentials(group, {
    electionId: election.electionId,
    members,
    questionIds: election.questionIds,
    onProgress: (done) => onProgress?.('credentials', done, members.length),
  });
  const header = {
    electionId: election.electionId,
    count: packs.credentialKeys.length,
    credentialListHash: packs.credentialListHash,
  };
  writeCredentialsFile(paths.credentials, {
    format: CREDENTIALS_FORMAT,
    ...header,
    keys: packs.credentialKeys,
  });
  const credentialsSeconds = (performance.now() - start) / 1000;

  start = performance.now();
  const answersOption = options.answers ?? {};
  const hashing =
    'hasher' in answersOption
      ? null
      : startAnswersHashing(
          answersOption.parameters ?? (await defaultArgon2Parameters()),
          answersOption.threads
        );
  try {
    const entries = await buildAnswersTable(
      packs,
      hashing?.hash ?? (answersOption as { hasher: AnswersHasher }).hasher,
      {
        concurrency:
          hashing === null
            ? ((answersOption as { concurrency?: number }).concurrency ?? 1)
            : 2 * hashing.threads,
        onProgress: (done) => onProgress?.('answers', done, members.length),
      }
    );
    // Spec §13.1, §13.4: each key goes to the board with its member's category and weight.
    const memberById = new Map(members.map((m) => [m.memberId, m]));
    const termsByKey = new Map(
      packs.packs.map((pack) => {
        const member = memberById.get(pack.memberId);
        return [pack.credentialKey, member === undefined ? null : termsOfMember(election, member)];
      })
    );
    writeAnswersFile(paths.answers, {
      format: ANSWERS_FORMAT,
      ...header,
      questions: election.questionIds,
      entries: entries.map((entry) => {
        const terms = termsByKey.get(entry.key);
        return {
          ...entry,
          ...(terms?.style === undefined ? {} : { style: terms.style }),
          ...(election.weights === undefined ? {} : { weight: terms?.weight ?? 1 }),
        };
      }),
    });
  } finally {
    await hashing?.close();
  }
  const answersSeconds = (performance.now() - start) / 1000;
  const rows = printRows(packs);
  writePrintFile(paths.print, rows);
  writePackRegister(paths.packRegister, packRegisterRows(packs));

  const fingerprint = packFingerprint(ceremonyKey, header);
  start = performance.now();
  let rendered: { files: readonly string[]; packs: number } = { files: [], packs: 0 };
  if (options.pdf !== false) {
    const { language, alsoLanguage, ...pdf } = options.pdf ?? {};
    // Only what is printed changes language: the credentials above are the manifest's.
    const printed = packLanguages(election, language ?? 'en', alsoLanguage);
    rendered = await renderPackPdfs({
      rows,
      roll,
      references,
      election: printed.election,
      languages: printed.languages,
      fingerprint,
      directory: paths.pdfDirectory,
      ...pdf,
      onProgress: (done, total) => onProgress?.('pdf', done, total),
    });
  }
  return {
    packs,
    paths,
    fingerprint,
    pdfFiles: rendered.files,
    pdfPacks: rendered.packs,
    seconds: {
      credentials: credentialsSeconds,
      answers: answersSeconds,
      pdf: (performance.now() - start) / 1000,
    },
  };
}

function parsePositive(value: string): number {
  const n = parseCountOption(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

interface GenerateCommandOptions {
  roll: string;
  references: string;
  election: string;
  out: string;
  server?: string;
  electionKey?: string;
  boothUrl?: string;
  batchSize: number;
  pdf: boolean;
  pdfLimit?: number;
  threads?: number;
  argon2Memory?: number;
  argon2Iterations?: number;
  font?: string;
  boldFont?: string;
  approvalKey?: string;
  language: PackLanguage;
  alsoLanguage?: PackLanguage;
}

export function packsGenerateCommand(): Command {
  return new Command('generate')
    .description(
      'generate one credential per eligible member: public credential list, answers table, printer file, PDF packs'
    )
    .requiredOption('--roll <roll.json>', 'the roll')
    .requiredOption(
      '--references <roll-references.json>',
      "the roll references from `roll commit` (their count and root are the manifest's roll)"
    )
    .requiredOption(
      '--election <manifest.json|id>',
      'the manifest (or a draft: electionId, contests, securityQuestions…) or just the election id'
    )
    .requiredOption(
      '--out <dir>',
      'output directory (credentials.json, answers.json, print/packs.csv, packs/*.pdf)'
    )
    .option(
      '--server <url>',
      "the board (after the ceremony): the fingerprint printed on the packs is made from the election key recomputed from the trustees' ceremony on it; a published key that does not follow from it is refused"
    )
    .option(
      '--election-key <hex>',
      'the key the officer states (with --server): refused unless it is the recomputed one',
      parseHexOption
    )
    .option('--booth-url <url>', 'the voting website address printed on the packs')
    .option('--batch-size <n>', 'members per PDF file', parsePositive, 500)
    .option('--no-pdf', 'write no PDF packs (render them later with `packs render`)')
    .option('--pdf-limit <n>', 'render only the first n packs (a sample)', parseCountOption)
    .option(
      '--threads <n>',
      'worker threads hashing the answers (default: all cores)',
      parsePositive
    )
    .option(
      '--argon2-memory <KiB>',
      "Argon2id memory (default: the server's, 19456)",
      parsePositive
    )
    .option('--argon2-iterations <n>', "Argon2id passes (default: the server's, 2)", parsePositive)
    .option(
      '--font <file>',
      'a TrueType font with every character of the names (default: the standard Helvetica)'
    )
    .option('--bold-font <file>', 'its bold face')
    .option('--language <code>', LANGUAGE_OPTION_HELP.language, parseLanguageOption, 'en')
    .option('--also-language <code>', LANGUAGE_OPTION_HELP.alsoLanguage, parseLanguageOption)
    .option(
      '--approval-key <key.json>',
      "the registrar's key from `packs approval-key`: refuse to print unless the manifest's replacements.approverKey is this key"
    )
    .action(async (options: GenerateCommandOptions) => {
      const election = readElection(options.election);
      if (options.electionKey !== undefined && options.server === undefined)
        throw new InvalidArgumentError(
          "--election-key needs --server: the key is recomputed from the trustees' ceremony on the board"
        );
      if (options.approvalKey !== undefined) {
        // Spec §9.2.7: a manifest naming someone else's approval key would let them replace packs.
        if (election.manifest === null)
          throw new Error('--approval-key needs the published manifest (complete)');
        checkApprover(election.manifest, readApprovalKeyFile(options.approvalKey));
      }
      const defaults = await defaultArgon2Parameters();
      const parameters: Argon2Parameters = {
        ...defaults,
        ...(options.argon2Memory === undefined ? {} : { memorySize: options.argon2Memory }),
        ...(options.argon2Iterations === undefined ? {} : { iterations: options.argon2Iterations }),
      };
      const bars = new Map<string, ReturnType<typeof progressBar>>();
      const labels = {
        credentials: 'credentials',
        answers: 'answers (Argon2id)',
        pdf: 'PDF packs',
      } as const;
      const generated = await generatePackFiles({
        roll: readRollFile(options.roll),
        references: readRollReferences(options.references),
        election,
        outDir: options.out,
        answers: {
          parameters,
          ...(options.threads === undefined ? {} : { threads: options.threads }),
        },
        ...(options.server === undefined
          ? {}
          : {
              fingerprint: {
                board: new ServerClient(options.server),
                ...(options.electionKey === undefined ? {} : { electionKey: options.electionKey }),
              },
            }),
        pdf: options.pdf
          ? {
              boothUrl: options.boothUrl ?? null,
              batchSize: options.batchSize,
              ...(options.pdfLimit === undefined ? {} : { limit: options.pdfLimit }),
              ...(options.font === undefined ? {} : { fontPath: options.font }),
              ...(options.boldFont === undefined ? {} : { boldFontPath: options.boldFont }),
              language: options.language,
              ...(options.alsoLanguage === undefined ? {} : { alsoLanguage: options.alsoLanguage }),
            }
          : false,
        onProgress: (stage, done, total) => {
          let bar = bars.get(stage);
          if (bar === undefined) {
            for (const other of bars.values()) other.stop();
            bar = progressBar(labels[stage], total);
            bars.set(stage, bar);
          }
          bar.update(done);
        },
      });
      for (const bar of bars.values()) bar.stop();
      const n = generated.packs.packs.length;
      const rate = (count: number, seconds: number) =>
        seconds > 0 ? `${(count / seconds).toFixed(0)}/s` : '-';
      const { seconds, paths } = generated;
      process.stdout.write(
        [
          `Generated ${n} credentials for ${election.electionId} (credential list hash ${generated.packs.credentialListHash}).`,
          `  ${paths.credentials}: the public credential list, shuffled (${rate(n, seconds.credentials)})`,
          `  ${paths.answers}: the answers table for the server (Argon2id m=${parameters.memorySize} KiB t=${parameters.iterations}, ${rate(n, seconds.answers)})`,
          `  ${paths.print}: the printer's file (pack_id,member_id,code,return_secret; 0600): secret, destroy after printing`,
          `  ${paths.packRegister}: the registrar's pack register (pack_id,credential; 0600): for replacements only, never for the board`,
          generated.pdfFiles.length === 0
            ? '  no PDF packs (render them with `packs render`)'
            : `  ${paths.pdfDirectory}: ${generated.pdfPacks} packs in ${generated.pdfFiles.length} PDF file(s) (${rate(generated.pdfPacks, seconds.pdf)})`,
          generated.fingerprint === null
            ? 'Fingerprint: not printed (give --server: the board, after the ceremony).'
            : `Fingerprint printed on the packs: ${generated.fingerprint}. Load answers.json into the server in its order so the base hash matches.`,
          '',
        ].join('\n')
      );
      process.exitCode = 0;
    });
}
