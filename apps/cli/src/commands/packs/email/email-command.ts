/**
 * @module `scrutineer packs email` (spec §14): sends each member with an e-mail address on the roll
 * their voting code through the officer's mail server, logs every attempt (email/deliveries.csv),
 * reads later bounces from a mailbox folder (`--bounces`), and writes the printer's rows of the
 * members the post must reach instead (email/postal-fallback.csv, for `packs render --print-file`).
 * Re-running resumes: only deferred messages are sent again.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { progressBar } from '../../../progress.ts';
import { readRollFile } from '../../roll/roll-files.ts';
import { packFingerprint } from '../board-fingerprint.ts';
import { readElection } from '../election-input.ts';
import { packPaths, readCredentialsFile, readPrintFile, writePrintFile } from '../pack-files.ts';
import { boardKeyOption, parseHexOption } from '../render.ts';
import { appendDelivery, emailPaths, latestDeliveries, readDeliveries } from './delivery-log.ts';
import { parseDsn } from './dsn-bounces.ts';
import { sendPackEmails } from './smtp-delivery.ts';

/**
 * Marks as bounced each sent pack whose address a DSN in `folder` reports failed; returns how
 * many. A bounce for an address the log never sent to is ignored (it is not ours).
 */
export function recordBounces(folder: string, log: string, now: string): number {
  const latest = latestDeliveries(readDeliveries(log));
  const sentTo = new Map<string, { pack_id: string; member_id: string; email: string }>();
  for (const row of latest.values())
    if (row.status === 'sent') sentTo.set(row.email.toLowerCase(), row);
  let bounced = 0;
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    for (const recipient of parseDsn(readFileSync(join(folder, name), 'utf8'))) {
      const row = recipient.action === 'failed' ? sentTo.get(recipient.address) : undefined;
      if (row === undefined) continue;
      const detail = `${recipient.status} ${recipient.diagnostic} (${name})`.trim();
      appendDelivery(log, { ...row, time: now, status: 'bounced', detail });
      sentTo.delete(recipient.address);
      bounced += 1;
    }
  }
  return bounced;
}

function parseDelays(value: string): number[] {
  const delays = value.split(',').map((part) => Number(part.trim()));
  if (delays.some((d) => !Number.isInteger(d) || d < 0))
    throw new InvalidArgumentError(
      'expected milliseconds separated by commas, e.g. 2000,10000,60000'
    );
  return delays;
}

interface EmailCommandOptions {
  dir: string;
  roll: string;
  election: string;
  server: string;
  electionKey?: string;
  smtp: string;
  from: string;
  boothUrl: string;
  contact: string;
  bounces?: string;
  retryDelays?: number[];
  concurrency: number;
}

export function packsEmailCommand(): Command {
  return new Command('email')
    .description(
      'e-mail each member with an address on the roll their voting code (the post is the fallback): logs every attempt, resumes on a re-run, reads bounces, and lists the members to post a pack to'
    )
    .requiredOption('--dir <dir>', 'the output directory of `packs generate`')
    .requiredOption('--roll <roll.json>', 'the roll (names and e-mail addresses)')
    .requiredOption('--election <manifest.json>', 'the published manifest')
    .requiredOption(
      '--server <url>',
      "the board: the message carries the fingerprint made from the key recomputed from the trustees' ceremony on it"
    )
    .option(
      '--election-key <hex>',
      'the key the officer states: refused unless it is the recomputed one',
      parseHexOption
    )
    .requiredOption(
      '--smtp <url>',
      'the mail server: smtp://host:587 (STARTTLS when offered) or smtps://user:password@host:465'
    )
    .requiredOption(
      '--from <address>',
      'the sender, e.g. "Returning Officer <ballot@party.example>"'
    )
    .requiredOption('--booth-url <url>', 'the voting website address (the link carries no code)')
    .requiredOption('--contact <text>', 'whom members contact about the ballot (in every message)')
    .option('--bounces <folder>', 'a folder of bounce messages (.eml, RFC 3464) to read first')
    .option('--retry-delays <ms,…>', 'delays before each retry of a deferred message', parseDelays)
    .option('--concurrency <n>', 'messages in flight at once', (v) => Number.parseInt(v, 10), 4)
    .action(async (options: EmailCommandOptions) => {
      const paths = packPaths(options.dir);
      const mail = emailPaths(options.dir);
      const election = readElection(options.election);
      const fingerprint = packFingerprint(
        await boardKeyOption(election, options.server, options.electionKey),
        readCredentialsFile(paths.credentials)
      );
      if (fingerprint === null)
        throw new Error('no fingerprint: the ceremony is not on the board yet');
      const roll = readRollFile(options.roll);
      const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (options.bounces !== undefined) {
        const bounced = recordBounces(options.bounces, mail.deliveries, now());
        process.stdout.write(`Read bounces from ${options.bounces}: ${bounced} new bounce(s).\n`);
      }
      const rows = readPrintFile(paths.print);
      const bar = progressBar('e-mailing packs', rows.length);
      const summary = await sendPackEmails({
        rows,
        roll,
        context: { election, fingerprint, boothUrl: options.boothUrl, contact: options.contact },
        smtp: options.smtp,
        from: options.from,
        log: mail.deliveries,
        concurrency: options.concurrency,
        now,
        ...(options.retryDelays === undefined ? {} : { retryDelaysMs: options.retryDelays }),
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      const latest = latestDeliveries(readDeliveries(mail.deliveries));
      const fallback = rows.filter((row) => {
        const status = latest.get(row.pack_id)?.status;
        return status === 'bounced' || status === 'no-address';
      });
      writePrintFile(mail.postalFallback, fallback);
      const deferred = rows.filter((row) => latest.get(row.pack_id)?.status === 'deferred').length;
      process.stdout.write(
        [
          `E-mail: ${summary.sent} sent, ${summary.bounced} bounced, ${summary.deferred} deferred, ${summary['no-address']} without an address; ${summary.skipped} done by an earlier run.`,
          `  ${mail.deliveries}: every attempt (keep with the roll: it holds addresses)`,
          `  ${mail.postalFallback}: ${fallback.length} member(s) to post a pack to: \`scrutineer packs render --print-file ${mail.postalFallback} …\``,
          deferred > 0
            ? `  ${deferred} message(s) still deferred: run this command again later to retry them.`
            : '',
          '',
        ]
          .filter((line, i, all) => line !== '' || i === all.length - 1)
          .join('\n')
      );
    });
}
