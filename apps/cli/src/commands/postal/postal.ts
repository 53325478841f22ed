/**
 * @module `scrutineer postal receive|batch` (issue 5): a returned pack, named by its return slip
 * (pack id and return secret, spec §9.5) while voting is open, marks its credential used by post
 * (refused, and published as `cast-refused`, if it voted online); a batch's papers are keyed twice
 * and its totals posted after voting closes (spec §9.5).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { type ReturnSlip, parseReturnSlip } from '@scrutineer/protocol';
import { ApiError, ServerClient } from '../../client/server-client.ts';
import { batchTotals, compareEntries, parseKeyedEntries } from './postal-batch.ts';
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
 * Records a returned pack by its pack id and the return secret read from its slip (spec §9.5);
 * resolves to null when accepted, else the refusal's code.
 */
export async function receivePostalPack(
  client: ServerClient,
  electionId: string,
  key: string,
  slip: ReturnSlip
): Promise<string | null> {
  try {
    await client.request('POST', client.electionPath(electionId, '/postal/received'), {
      token: key,
      body: { packId: slip.packId, returnSecret: slip.returnSecret },
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

/** The slip from `--slip` (the scanned QR text) or from `--pack-id` with `--return-secret`. */
export function slipFromOptions(options: {
  slip?: string;
  packId?: string;
  returnSecret?: string;
}): ReturnSlip {
  if (options.slip !== undefined) {
    const parsed = parseReturnSlip(options.slip);
    if (!parsed.ok) throw new Error(`--slip: ${parsed.error.message}`);
    return parsed.value;
  }
  if (options.packId === undefined || options.returnSecret === undefined)
    throw new Error(
      'give --slip (the return slip QR code) or --pack-id with --return-secret (as printed on the slip)'
    );
  const parsed = parseReturnSlip(`RETURN1:${options.packId.trim()}:${options.returnSecret.trim()}`);
  if (!parsed.ok)
    throw new Error(`--pack-id/--return-secret: ${parsed.error.message.replace('RETURN1:', '')}`);
  return parsed.value;
}

const REFUSALS: Readonly<Record<string, string>> = {
  'postal/credential-used-online':
    'this member already voted online: set the paper aside, uncounted (the refusal is on the board)',
  'postal/already-received': 'a postal vote was already received for this pack',
  'postal/wrong-return-secret':
    'the return secret does not match this pack: check the slip, or set the paper aside',
  'postal/after-close': 'voting has closed: a paper that arrives after the close is not counted',
  'election/channel-not-offered': 'this election has no postal channel',
};

function receiveCommand(): Command {
  return withPostalCommon(new Command('receive'))
    .description(
      'record a returned postal pack while voting is open, from its return slip (pack id and return secret)'
    )
    .option('--slip <text>', 'the return slip QR code as scanned (RETURN1:<pack id>:<secret>)')
    .option('--pack-id <id>', 'the pack id, as printed on the return slip')
    .option('--return-secret <hex>', 'the return secret, 32 hex digits, as printed on the slip')
    .action(
      async (options: PostalCommon & { slip?: string; packId?: string; returnSecret?: string }) => {
        const slip = slipFromOptions(options);
        const client = new ServerClient(options.server);
        const refused = await receivePostalPack(
          client,
          options.election,
          officerKey(options),
          slip
        );
        if (refused === null) {
          process.stdout.write(
            `Pack ${slip.packId}: postal vote received; its credential can no longer vote online.\n`
          );
          return;
        }
        process.stderr.write(`Pack ${slip.packId}: REFUSED: ${REFUSALS[refused] ?? refused}\n`);
        process.exitCode = 1;
      }
    );
}

function batchCommand(): Command {
  return withPostalCommon(new Command('batch'))
    .description(
      'compare two operators’ entries of a batch; post its totals once they agree (after close)'
    )
    .requiredOption('--batch <id>', 'the batch id ([A-Za-z0-9-])')
    .requiredOption('--first <entries.csv>', 'the first operator’s entries (pack_id,choice)')
    .requiredOption('--second <entries.csv>', 'the second operator’s entries')
    .action(async (options: PostalCommon & { batch: string; first: string; second: string }) => {
      const first = parseKeyedEntries(readFileSync(options.first, 'utf8'));
      const second = parseKeyedEntries(readFileSync(options.second, 'utf8'));
      const mismatches = compareEntries(first, second);
      if (mismatches.length > 0) {
        for (const m of mismatches)
          process.stderr.write(`paper ${m.paper}: first "${m.first}" ≠ second "${m.second}"\n`);
        process.stderr.write(
          `Batch ${options.batch}: ${mismatches.length} mismatch(es); resolve them against the papers and re-key. Nothing was posted.\n`
        );
        process.exitCode = 1;
        return;
      }
      const client = new ServerClient(options.server);
      const manifest = await client.manifest(options.election);
      const totals = batchTotals(manifest, first);
      await client.request('POST', client.electionPath(options.election, '/postal/batches'), {
        token: officerKey(options),
        body: { batch: options.batch, ...totals },
      });
      process.stdout.write(
        `Batch ${options.batch} posted: ${totals.papers} papers, ${totals.spoilt} spoilt; counts ${totals.contests.map((c) => c.counts.join('/')).join(', ')}.\n`
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
    .addCommand(postalAuditCommand());
}
