/**
 * @module `scrutineer postal receive|batch`: a returned envelope, named by its return slip
 * (credential key and return secret, spec §9.5.3) while voting is open, marks its credential used
 * by post (refused, and published as `cast-refused`, if it voted online or its pack was replaced);
 * a scanning station's file uploads many (scanner-file.ts). After the close, an opening batch's
 * papers are keyed twice and its totals posted (the protocol's keyed-entries.ts, which the
 * officer's console calls too).
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import {
  BatchEntryError,
  type BatchTotals,
  type Mismatch,
  type ReturnSlip,
  keyedBatch,
  parseReturnSlip,
} from '@scrutineer/protocol';
import { ApiError, ServerClient } from '../../client/server-client.ts';
import { receiveScannerFile } from './scanner-file.ts';
import { postalAuditCommand } from './postal-audit.ts';

export interface PostalCommon {
  server: string;
  election: string;
  adminKeyFile?: string;
}

/** The returning officer's key, from --admin-key-file or SCRUTINEER_ADMIN_KEY. */
export function officerKey(options: PostalCommon): string {
  const key =
    options.adminKeyFile === undefined
      ? process.env['SCRUTINEER_ADMIN_KEY']
      : readFileSync(options.adminKeyFile, 'utf8').trim();
  if (key === undefined || key === '')
    throw new Error(
      "the returning officer's key: give --admin-key-file or set SCRUTINEER_ADMIN_KEY"
    );
  return key;
}

/**
 * Records a returned pack from its return slip (spec §9.5.3), into opening batch `batch` (the
 * board's `loose` batch if none); resolves to null when accepted, else the refusal's code.
 */
export async function receivePostalPack(
  client: ServerClient,
  electionId: string,
  key: string,
  slip: ReturnSlip,
  batch?: string
): Promise<string | null> {
  try {
    await client.call('postalReceived', {
      params: { electionId },
      token: key,
      body: {
        credential: slip.credential,
        returnSecret: slip.returnSecret,
        ...(batch === undefined ? {} : { batch }),
      },
    });
    return null;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return error.code;
    throw error;
  }
}

export function withPostalCommon(command: Command): Command {
  return command
    .requiredOption('--server <url>', 'the election server')
    .requiredOption('--election <id>', 'the election id')
    .option('--admin-key-file <file>', "the returning officer's key (else SCRUTINEER_ADMIN_KEY)");
}

/** The slip from `--slip` (the scanned QR text) or from `--credential` with `--return-secret`. */
export function slipFromOptions(options: {
  slip?: string;
  credential?: string;
  returnSecret?: string;
}): ReturnSlip {
  if (options.slip !== undefined) {
    const parsed = parseReturnSlip(options.slip);
    if (!parsed.ok) throw new Error(`--slip: ${parsed.error.message}`);
    return parsed.value;
  }
  if (options.credential === undefined || options.returnSecret === undefined)
    throw new Error(
      'give --slip (the return slip QR code) or --credential with --return-secret (as printed on the slip)'
    );
  const parsed = parseReturnSlip(
    `RETURN2:${options.credential.replace(/[\s-]/g, '')}:${options.returnSecret.replace(/[\s-]/g, '')}`
  );
  if (!parsed.ok)
    throw new Error(
      '--credential/--return-secret: the slip prints the credential as 64 hex digits and the secret as 32'
    );
  return parsed.value;
}

const REFUSALS: Readonly<Record<string, string>> = {
  'postal/credential-used-online':
    'this member already voted online: set the paper aside, uncounted (the refusal is on the board)',
  'postal/already-received': 'a postal vote was already received for this pack',
  'postal/wrong-return-secret':
    'the return secret does not match this pack: check the slip, or set the paper aside',
  'postal/after-close': 'voting has closed: a paper that arrives after the close is not counted',
  'credential/revoked':
    'this pack was replaced: set the paper aside, uncounted (the refusal is on the board)',
  'credential/not-found': 'no such credential in this election: check the slip',
  'election/channel-not-offered': 'this election has no postal channel',
};

function describeRefusal(code: string): string {
  return REFUSALS[code] ?? code;
}

function receiveCommand(): Command {
  return withPostalCommon(new Command('receive'))
    .description(
      "record returned postal envelopes while voting is open: one from its return slip, or a scanning station's file"
    )
    .option('--slip <text>', 'the return slip QR code as scanned (RETURN2:<credential>:<secret>)')
    .option('--credential <hex>', 'the credential key, as printed on the return slip')
    .option('--return-secret <hex>', 'the return secret, 32 hex digits, as printed on the slip')
    .option('--batch <id>', 'the opening batch (tray) the envelope goes into (default: loose)')
    .option(
      '--scanner-file <file>',
      "a scanning station's CSV barcode,scanned_at,batch: uploaded in chunks, safe to run again"
    )
    .action(
      async (
        options: PostalCommon & {
          slip?: string;
          credential?: string;
          returnSecret?: string;
          batch?: string;
          scannerFile?: string;
        }
      ) => {
        const client = new ServerClient(options.server);
        if (options.scannerFile !== undefined) {
          const start = performance.now();
          const report = await receiveScannerFile(
            client,
            options.election,
            officerKey(options),
            options.scannerFile
          );
          const seconds = (performance.now() - start) / 1000;
          for (const r of report.refused)
            process.stderr.write(`row ${r.row}: REFUSED: ${describeRefusal(r.code)}\n`);
          process.stdout.write(
            `${report.envelopes} envelopes: ${report.received} received, ${report.alreadyReceived} already received (unchanged), ${report.refused.length} refused; ${report.uploads} upload(s), ${report.retries} retried, ${seconds.toFixed(1)} s.\n`
          );
          return;
        }
        const slip = slipFromOptions(options);
        const refused = await receivePostalPack(
          client,
          options.election,
          officerKey(options),
          slip,
          options.batch
        );
        const name = `Credential ${slip.credential.slice(0, 12)}…`;
        if (refused === null) {
          process.stdout.write(
            `${name}: postal vote received; its credential can no longer vote online.\n`
          );
          return;
        }
        process.stderr.write(`${name}: REFUSED: ${describeRefusal(refused)}\n`);
        process.exitCode = 1;
      }
    );
}

/** Posts a batch's totals after both operators' entries agree; throws a BatchEntryError otherwise. */
export async function postKeyedBatch(
  client: ServerClient,
  electionId: string,
  key: string,
  batch: string,
  entries: { readonly first: string; readonly second: string },
  style?: string,
  weight?: number
): Promise<{ totals: BatchTotals; mismatches: readonly Mismatch[] }> {
  const { totals, mismatches } = keyedBatch(
    await client.manifest(electionId),
    entries,
    style,
    weight
  );
  if (mismatches.length > 0) return { totals, mismatches };
  await client.call('postalBatch', {
    params: { electionId },
    token: key,
    body: { batch, ...totals },
  });
  return { totals, mismatches };
}

const BATCH_REFUSALS: Readonly<Record<string, string>> = {
  'postal/unknown-batch': 'no returned envelope was received into this batch: check the batch id',
  'postal/more-papers-than-envelopes':
    'more papers were keyed than envelopes were received into this batch: recount the papers',
  'postal/duplicate-batch': 'this batch was already counted: a paper is counted once',
  'postal/invalid-batch': 'the totals do not fit the ballot',
  'postal/invalid-ranking':
    'a ranked contest needs one ranking per valid paper, each naming its candidates at most once',
  'postal/more-papers-than-style-returns':
    'more papers of this ballot style than returns of that style were received: check the --style and the tray',
  'postal/more-papers-than-weight-returns':
    'more papers of this weight than returns of members of that weight were received: check the --weight and the tray',
};

/** What a batch posted says of one contest: its counts, or how many papers it ranks. */
function contestSummary(contest: BatchTotals['contests'][number]): string {
  return contest.rankings === undefined
    ? contest.counts.join('/')
    : `${contest.rankings.length} rankings`;
}

/** `--weight`: a whole number 1 … 1,000,000 (spec §13.4); the manifest's maximum is checked later. */
function parseWeight(value: string): number {
  const weight = /^[1-9][0-9]{0,6}$/.test(value) ? Number(value) : 0;
  if (weight < 1 || weight > 1_000_000)
    throw new InvalidArgumentError('a weight is a whole number from 1 to 1000000');
  return weight;
}

function batchCommand(): Command {
  return withPostalCommon(new Command('batch'))
    .description(
      'compare two operators’ entries of an opening batch; post its totals once they agree (after close)'
    )
    .requiredOption('--batch <id>', 'the opening batch id ([A-Za-z0-9-])')
    .requiredOption('--first <entries.csv>', 'the first operator’s entries (paper,choice)')
    .requiredOption('--second <entries.csv>', 'the second operator’s entries')
    .option(
      '--style <category>',
      'the ballot style of the batch’s papers (required when the election has ballot styles)'
    )
    .option(
      '--weight <n>',
      'the weight printed on the batch’s return slips (required when the election has weights)',
      parseWeight
    )
    .addHelpText(
      'after',
      `
Each row is one paper: paper,choice. The choice names the candidates marked (by name or ballot
position; "<contest id>=" in front when the election has several contests; ";" between marks),
or is "spoilt" for a void paper. A ranked contest (AV, STV) is keyed as the numbers written in its
boxes, in ballot order, "-" for an empty box, "x" for a cross or tick: "leader=2 1 - 3". The
paper's ranking is read up to the first gap or repeated number (two boxes marked 1 give no first
preference: a blank ranking, not a spoilt paper). A lone cross ("leader=- x - -") is a first
preference for that candidate alone; a cross beside a number, or two crosses, spoils the paper.
Example: 1,leader=2 1 - -;committee=- 1 - - 2 -;motion=Yes`
    )
    .action(
      async (
        options: PostalCommon & {
          batch: string;
          first: string;
          second: string;
          style?: string;
          weight?: number;
        }
      ) => {
        const client = new ServerClient(options.server);
        let outcome: Awaited<ReturnType<typeof postKeyedBatch>>;
        try {
          outcome = await postKeyedBatch(
            client,
            options.election,
            officerKey(options),
            options.batch,
            {
              first: readFileSync(options.first, 'utf8'),
              second: readFileSync(options.second, 'utf8'),
            },
            options.style,
            options.weight
          );
        } catch (error) {
          const reason =
            error instanceof BatchEntryError
              ? `${error.code}: ${error.message}`
              : error instanceof ApiError
                ? `${error.code}: ${BATCH_REFUSALS[error.code] ?? error.message}`
                : null;
          if (reason === null) throw error;
          process.stderr.write(`Batch ${options.batch}: REFUSED, nothing was posted: ${reason}\n`);
          process.exitCode = 1;
          return;
        }
        const { totals, mismatches } = outcome;
        if (mismatches.length > 0) {
          for (const m of mismatches)
            process.stderr.write(`paper ${m.paper}: first "${m.first}" ≠ second "${m.second}"\n`);
          process.stderr.write(
            `Batch ${options.batch}: ${mismatches.length} mismatch(es); resolve them against the papers and re-key. Nothing was posted.\n`
          );
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          `Batch ${options.batch} posted: ${totals.papers} papers, ${totals.spoilt} spoilt; counts ${totals.contests.map(contestSummary).join(', ')}.\n`
        );
      }
    );
}

/** The envelopes received into each opening batch (spec §9.5.3), as the console's postal status shows them. */
function envelopesCommand(): Command {
  return withPostalCommon(new Command('envelopes'))
    .description(
      'how many returned envelopes went into each opening batch (counts only), to compare with the papers each batch holds'
    )
    .action(async (options: PostalCommon) => {
      const { batches } = await new ServerClient(options.server).call('postalEnvelopeBatches', {
        params: { electionId: options.election },
        token: officerKey(options),
      });
      process.stdout.write(
        batches.length === 0
          ? 'No envelope has been received into a batch.\n'
          : batches.map((b) => `${b.batch}\t${b.envelopes} envelopes\n`).join('')
      );
    });
}

export function postalCommand(): Command {
  return new Command('postal')
    .description(
      'postal votes: receive returned packs, post double-keyed batch totals, audit the count'
    )
    .addCommand(receiveCommand())
    .addCommand(batchCommand())
    .addCommand(envelopesCommand())
    .addCommand(postalAuditCommand());
}
