/**
 * @module `scrutineer election create|nominations|key|open|replace|close|tally|publish`: the
 * returning officer's steps against a running server. The officer's key comes from
 * `--admin-key-file` or SCRUTINEER_ADMIN_KEY (made by `election keygen`; `create` refuses a weak
 * one); creating needs the server operator's key
 * (`--operator-key-file` or SCRUTINEER_OPERATOR_KEY).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WAIT_MINUTES, parseMinutes } from '../wait-option.ts';
import { Command } from 'commander';
import { loadGroup } from '@scrutineer/crypto';
import { boothFieldProblems } from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';
import { type Progress, progressBar } from '../../progress.ts';
import { readAnswersFile } from '../packs/pack-files.ts';
import { assertStrongOfficerKey, keygenCommand } from './officer-key.ts';
import { type EnvironmentSetting, settingsHelp } from '../serve-settings.ts';
import { readJsonFile, writeJsonFile } from '../roll/roll-files.ts';
import {
  type OfficerContext,
  closeVoting,
  createElectionOverHttp,
  loadCredentialsAndOpen,
  publishElectionKey,
  postReplacement,
  publishNominationsDocument,
  formatCheckpoint,
  tallyElection,
} from './election-actions.ts';
import { cancelCommand } from './cancel-command.ts';
import { answersTermsProblem, publishedTermsSummary } from './open-terms.ts';
import { rehearsalSummary } from '../trustee/rehearsal.ts';
import { readReplacementRequest } from '../packs/replacement-files.ts';
import { formatResultTable, resultContests, writeRecordFromServer } from './publish-record.ts';
import { declareVerifiedRecord, formatDeclaration } from './declaration-files.ts';

export interface Common {
  server: string;
  election: string;
  adminKeyFile?: string;
}

function secret(file: string | undefined, variable: string, what: string): string {
  const value = file === undefined ? process.env[variable] : readFileSync(file, 'utf8').trim();
  if (value === undefined || value === '')
    throw new Error(`${what}: give a key file or set ${variable}`);
  return value;
}

export async function officer(options: Common): Promise<OfficerContext> {
  return {
    client: new ServerClient(options.server),
    group: await loadGroup('sodium'),
    electionId: options.election,
    adminKey: secret(options.adminKeyFile, 'SCRUTINEER_ADMIN_KEY', "the returning officer's key"),
    log: (message) => void process.stdout.write(`${message}\n`),
  };
}

export function withCommon(command: Command): Command {
  return command
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--election <id>', 'the election id')
    .option('--admin-key-file <file>', "the returning officer's key (else SCRUTINEER_ADMIN_KEY)");
}

/**
 * The draft's `booth` with `digest` from a build's booth-digest.json (spec §10.7.2), keeping any
 * mirrors the draft names; refuses a malformed field, which V1.10 would fail.
 */
function boothField(draft: Record<string, unknown>, file: string): unknown {
  const { digest } = readJsonFile(file) as { digest?: unknown };
  const booth = {
    ...((draft['booth'] ?? {}) as Record<string, unknown>),
    digest: String(digest),
  } as { digest: string; mirrors?: { origin: string; digest: string }[] };
  const problems = boothFieldProblems(booth);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return booth;
}

function createCommand(): Command {
  return new Command('create')
    .description(
      'create the election from a manifest draft (without board): the board adds its key'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--draft <manifest.json>', 'the manifest draft (spec §9.2) without `board`')
    .option(
      '--trustee <public.json...>',
      'trustee manifest entries from `trustee keygen` (fill trustees.members)'
    )
    .option(
      '--mixer <public.json...>',
      'mix server manifest entries from `mixer keygen`, in cascade order (fill mixers.members)'
    )
    .option('--roll <roll-commitment.json>', 'the roll commitment (fills `roll`)')
    .option(
      '--nominations <nominations-manifest.json>',
      'the nominations field (fills `nominations`)'
    )
    .option(
      '--replacements <key.public.json>',
      "the registrar's replacement rules from `packs approval-key` (fills `replacements`; without it no replacement pack is allowed)"
    )
    .option(
      '--booth <booth-digest.json>',
      "the reviewed build's booth digest (apps/web/dist/booth-digest.json; fills `booth.digest`, spec §10.7)"
    )
    .option('--admin-key-file <file>', "the returning officer's key (else SCRUTINEER_ADMIN_KEY)")
    .option('--operator-key-file <file>', "the operator's key (else SCRUTINEER_OPERATOR_KEY)")
    .requiredOption('--out <manifest.json>', 'where to write the published manifest')
    .action(
      async (options: {
        server: string;
        draft: string;
        trustee?: string[];
        mixer?: string[];
        roll?: string;
        nominations?: string;
        replacements?: string;
        booth?: string;
        adminKeyFile?: string;
        operatorKeyFile?: string;
        out: string;
      }) => {
        const draft = readJsonFile(options.draft) as Record<string, unknown>;
        if (options.trustee !== undefined) {
          const trustees = (draft['trustees'] ?? {}) as Record<string, unknown>;
          draft['trustees'] = { ...trustees, members: options.trustee.map((f) => readJsonFile(f)) };
        }
        if (options.mixer !== undefined)
          draft['mixers'] = { members: options.mixer.map((f) => readJsonFile(f)) };
        if (options.roll !== undefined) draft['roll'] = readJsonFile(options.roll);
        if (options.nominations !== undefined)
          draft['nominations'] = readJsonFile(options.nominations);
        const adminKey = secret(
          options.adminKeyFile,
          'SCRUTINEER_ADMIN_KEY',
          "the returning officer's key"
        );
        assertStrongOfficerKey(adminKey);
        if (options.replacements !== undefined)
          draft['replacements'] = readJsonFile(options.replacements);
        if (options.booth !== undefined) draft['booth'] = boothField(draft, options.booth);
        const created = await createElectionOverHttp(
          new ServerClient(options.server),
          secret(options.operatorKeyFile, 'SCRUTINEER_OPERATOR_KEY', "the operator's key"),
          draft,
          adminKey
        );
        writeJsonFile(options.out, created.manifest);
        process.stdout.write(
          `Created ${created.manifest.electionId} (manifest hash ${created.manifestHash}); manifest: ${options.out}\n`
        );
      }
    );
}

function nominationsCommand(): Command {
  return withCommon(new Command('nominations'))
    .description(
      'upload nominations.json (from `nominations close`) for the board to serve with the record'
    )
    .requiredOption('--file <nominations.json>', 'the published nominations document')
    .action(async (options: Common & { file: string }) => {
      // The exact bytes: the manifest carries their hash (spec §9.2.6). A refusal (wrong hash,
      // not canonical, other bytes already published) exits 2, as every refused election step.
      const published = await publishNominationsDocument(
        await officer(options),
        readFileSync(options.file, 'utf8')
      );
      process.stdout.write(
        `Nominations ${published.created ? 'published' : 'already published'} (sha256 ${published.hash}).\n`
      );
    });
}

function keyCommand(): Command {
  return withCommon(new Command('key'))
    .description(
      'after every trustee has dealt: conclude the ceremony and publish the election key'
    )
    .option('--complaint-wait <seconds>', 'how long to wait for complaints', '10')
    .option(
      '--wait <minutes>',
      `how long to wait for every trustee to deal (default ${DEFAULT_WAIT_MINUTES}); when it ` +
        'runs out nothing was published: run the command again to go on',
      parseMinutes
    )
    .action(async (options: Common & { complaintWait: string; wait?: number }) => {
      await publishElectionKey(await officer(options), {
        complaintWaitMs: Number(options.complaintWait) * 1000,
        timeoutMs: options.wait ?? DEFAULT_WAIT_MINUTES * 60_000,
      });
    });
}

function openCommand(): Command {
  return withCommon(new Command('open'))
    .description(
      'load the credentials from the packs’ answers table and open voting; first says which ' +
        'trustees have rehearsed the decryption (`trustee rehearse`) and warns when fewer than k + 1 have'
    )
    .requiredOption('--answers <answers.json>', 'answers.json from `packs generate`')
    .action(async (options: Common & { answers: string }) => {
      const answers = readAnswersFile(options.answers);
      const context = await officer(options);
      // Spec §8.10: say who has rehearsed the decryption, and warn below k + 1, before opening.
      const [manifest, events] = await Promise.all([
        context.client.manifest(context.electionId),
        context.client.events(context.electionId),
      ]);
      process.stdout.write(`${rehearsalSummary(manifest, events)}\n`);
      const unfit = answersTermsProblem(manifest, answers);
      if (unfit !== null) throw new Error(unfit);
      const bar = progressBar('credentials', answers.entries.length);
      const opened = await loadCredentialsAndOpen(context, answers, (done) => bar.update(done));
      bar.stop();
      process.stdout.write(
        `Voting is open: ${opened.credentialCount} credentials, base hash ${opened.baseHash}.\n${publishedTermsSummary(manifest, answers)}`
      );
    });
}

function replaceCommand(): Command {
  return withCommon(new Command('replace'))
    .description(
      "post a replacement pack the registrar issued (`packs replace`): the board checks the registrar's approval, the limit and the cutoff"
    )
    .requiredOption('--request <request.json>', 'the request file from `packs replace`')
    .action(async (options: Common & { request: string }) => {
      const request = readReplacementRequest(options.request, options.election);
      const posted = await postReplacement(await officer(options), request);
      process.stdout.write(
        `Replacement posted at position ${posted.position}: ${request.revoke} revoked, ${request.replacement.key} added (${request.reason}).\n`
      );
    });
}

function closeCommand(): Command {
  return withCommon(new Command('close'))
    .description('close voting')
    .action(async (options: Common) => {
      await closeVoting(await officer(options));
      process.stdout.write('Voting is closed.\n');
    });
}

function tallyCommand(): Command {
  return withCommon(new Command('tally'))
    .description(
      'post the encrypted tally, print the checkpoint that seals it (<size>:<root>, to announce to the trustees outside the server), wait for k decryption shares, publish the result (online + postal)'
    )
    .action(async (options: Common) => {
      const context = await officer(options);
      let bar: Progress | undefined;
      const outcome = await tallyElection(context, {
        onShares: (received, needed) => {
          bar ??= progressBar('decryption shares', needed);
          bar.update(received);
        },
        onWaiting: (checkpoint) =>
          process.stdout.write(
            `Tally checkpoint: ${formatCheckpoint(checkpoint)}\n` +
              'Announce it to the trustees outside this server (they run `trustee decrypt --checkpoint <it>`).\n' +
              'Waiting for the trustees’ decryption shares…\n'
          ),
      });
      bar?.stop();
      const manifest = await context.client.manifest(context.electionId);
      process.stdout.write(formatResultTable(resultContests(manifest, outcome.result)));
      process.stdout.write(
        `Decrypted with trustees ${outcome.trustees.join(', ')}${outcome.faults.length > 0 ? `; left out: ${outcome.faults.join('; ')}` : ''}.\n`
      );
    });
}

function publishCommand(): Command {
  return new Command('publish')
    .description(
      'write the record bundle DIR/record and verify it; only if it verifies, print the declaration and write DIR/result.json, result.csv, result.svg and declaration.html (spec §9.9); an invalid record writes no result and exits 1'
    )
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--election <id>', 'the election id')
    .requiredOption('--out <dir>', 'output directory')
    .option('--nominations <nominations.json>', 'the published nominations document')
    .action(
      async (options: { server: string; election: string; out: string; nominations?: string }) => {
        const client = new ServerClient(options.server);
        const recordDir = join(options.out, 'record');
        await writeRecordFromServer(client, options.election, recordDir, options.nominations);
        const bar = progressBar('Verifying the record');
        const { report, declaration, paths } = await declareVerifiedRecord(
          recordDir,
          options.out,
          (events, ballots) => bar.update(events, ballots)
        ).finally(() => bar.stop());
        process.stdout.write(
          `Record: ${recordDir}: ${report.ok ? 'VERIFIED' : 'INVALID'} (stage ${report.stage}, ${report.events} events)\n`
        );
        for (const check of report.checks)
          if (check.status === 'failed')
            process.stdout.write(`  FAILED ${check.id}: ${check.failures[0]?.message ?? ''}\n`);
        if (!report.ok) {
          process.stdout.write(
            'The record does not verify: no result is written. Do not declare a result; find and report the failed checks.\n'
          );
          process.exitCode = 1;
          return;
        }
        if (declaration === null || paths === null) {
          process.stdout.write('There is no result on the board yet.\n');
          return;
        }
        process.stdout.write(formatDeclaration(declaration));
        process.stdout.write(
          `Declaration: ${paths.html} (print it), ${paths.json}, ${paths.csv}, chart ${paths.svg}\n`
        );
      }
    );
}

/** The officer's environment settings, shown by `election --help` and every step's `--help`. */
const ELECTION_SETTINGS: readonly EnvironmentSetting[] = [
  {
    name: 'SCRUTINEER_ADMIN_KEY',
    fallback: 'none: give --admin-key-file',
    meaning: "the returning officer's key, made by `scrutineer election keygen --out FILE`",
  },
  {
    name: 'SCRUTINEER_OPERATOR_KEY',
    fallback: 'none: give --operator-key-file',
    meaning: "the server operator's key (`election create` only)",
  },
];

export function electionCommand(): Command {
  const command = new Command('election')
    .description(
      'the returning officer’s steps: keygen, create, nominations, key, open, replace, close, tally, publish'
    )
    .addCommand(keygenCommand())
    .addCommand(createCommand())
    .addCommand(nominationsCommand())
    .addCommand(keyCommand())
    .addCommand(openCommand())
    .addCommand(replaceCommand())
    .addCommand(closeCommand())
    .addCommand(cancelCommand())
    .addCommand(tallyCommand())
    .addCommand(publishCommand());
  const help = settingsHelp(
    'Settings from the environment (a key file option wins; docs/operations.md):',
    ELECTION_SETTINGS
  );
  command.addHelpText('after', help);
  for (const step of command.commands) step.addHelpText('after', help);
  return command;
}
