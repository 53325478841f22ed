/**
 * @module `scrutineer postal audit …` (spec §9.8): the officer's side of the risk-limiting audit of
 * the postal count, after every batch total is posted and before the tally. Observers make their
 * seeds (`seed`, on their own machine), the officer posts their commitments (`commit`), starts the
 * audit at a risk limit (`start`), posts the seeds (`reveal`), asks the board for each round's
 * sample (`sample`, `--full` to escalate to a full hand count), records each sampled batch's hand
 * count (`count`) and ends the audit (`end`); `status` says what is left. The board draws every
 * sample itself from the public seed and refuses a step the procedure does not allow.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  parseAuditCommit,
  parseAuditReveal,
  parseAuditStart,
  parseHandCount,
} from '@scrutineer/protocol';
import {
  type AuditStatus,
  type EventBody,
  type Result,
  auditSeedCommitment,
} from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';
import { type PostalCommon, officerKey, withPostalCommon } from './postal.ts';

/** The protocol's check of what the officer typed (shared with the console); a refusal exits 1. */
function checked<T>(result: Result<T, { readonly message: string }>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The officer's audit steps over HTTP, for the CLI and the demo. */
export class PostalAuditClient {
  readonly client: ServerClient;
  readonly electionId: string;
  readonly key: string;

  constructor(client: ServerClient, electionId: string, key: string) {
    this.client = client;
    this.electionId = electionId;
    this.key = key;
  }

  #at() {
    return { params: { electionId: this.electionId }, token: this.key };
  }

  commit(observer: string, commitment: string): Promise<unknown> {
    return this.client.call('postalAuditCommit', {
      ...this.#at(),
      body: checked(parseAuditCommit(observer, commitment)),
    });
  }
  start(riskLimit: number | string): Promise<unknown> {
    return this.client.call('postalAuditStart', {
      ...this.#at(),
      body: checked(parseAuditStart(String(riskLimit))),
    });
  }
  reveal(observer: string, seed: string): Promise<unknown> {
    return this.client.call('postalAuditReveal', {
      ...this.#at(),
      body: checked(parseAuditReveal(observer, seed)),
    });
  }
  async sample(full = false): Promise<EventBody<'postal-audit-sample'>> {
    return (await this.client.call('postalAuditSample', { ...this.#at(), body: { full } })).body;
  }
  count(body: EventBody<'postal-audit-count'>): Promise<unknown> {
    return this.client.call('postalAuditCount', { ...this.#at(), body });
  }
  async end(): Promise<EventBody<'postal-audit-end'>> {
    return (await this.client.call('postalAuditEnd', this.#at())).body;
  }
  status(): Promise<AuditStatus> {
    return this.client.call('postalAuditStatus', { params: { electionId: this.electionId } });
  }
}

/**
 * Runs the whole audit for an officer whose hand counts `handCount` gives: one round after another
 * until the board accepts the end (the risk limit met, or every batch counted).
 */
export async function runPostalAudit(
  audit: PostalAuditClient,
  options: {
    readonly riskLimit: number;
    readonly observers: readonly { readonly observer: string; readonly seed: string }[];
    readonly handCount: (batch: string) => EventBody<'postal-audit-count'>;
    readonly log?: (message: string) => void;
  }
): Promise<{
  readonly rounds: readonly EventBody<'postal-audit-sample'>[];
  readonly end: EventBody<'postal-audit-end'>;
}> {
  for (const { observer, seed } of options.observers)
    await audit.commit(observer, auditSeedCommitment(observer, seed));
  await audit.start(options.riskLimit);
  for (const { observer, seed } of options.observers) await audit.reveal(observer, seed);
  const rounds: EventBody<'postal-audit-sample'>[] = [];
  for (;;) {
    const sample = await audit.sample();
    rounds.push(sample);
    options.log?.(
      `  audit round ${sample.round}${sample.full ? ' (full hand count)' : ''}: ${sample.draws} draws, ${sample.batches.length} batches to count by hand; risk so far ${(sample.riskPpm / 10_000).toFixed(2)} %`
    );
    for (const batch of sample.batches) await audit.count(options.handCount(batch));
    if ((await audit.status()).pending.length > 0) continue;
    try {
      return { rounds, end: await audit.end() };
    } catch (error) {
      // The risk is still above the limit: another round is due.
      if ((error as { code?: string }).code !== 'postal-audit/risk-above-limit') throw error;
    }
  }
}

function describe(status: AuditStatus): string {
  const lines = [
    `phase ${status.phase}${status.riskLimit === null ? '' : `, risk limit ${status.riskLimit} %`}`,
    `observers: ${status.observers.map((o) => `${o.observer} (${o.revealed ? 'revealed' : 'committed'})`).join(', ') || 'none'}`,
    `${status.batches} batches, ${status.rounds} rounds, ${status.draws} draws${status.full ? ', full hand count' : ''}, ${status.counted} counted by hand`,
  ];
  if (status.pending.length > 0) lines.push(`to count by hand: ${status.pending.join(' ')}`);
  if (status.riskPpm !== null)
    lines.push(`measured risk ${(status.riskPpm / 10_000).toFixed(4)} %`);
  if (status.outcome !== null) lines.push(`outcome: ${status.outcome}`);
  return `${lines.join('\n')}\n`;
}

const auditOf = (options: PostalCommon): PostalAuditClient =>
  new PostalAuditClient(new ServerClient(options.server), options.election, officerKey(options));

const show = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

export function postalAuditCommand(): Command {
  const command = new Command('audit').description(
    'the risk-limiting audit of the postal count (after every batch is posted, before the tally)'
  );
  command.addCommand(
    new Command('seed')
      .description("an observer's secret seed and its public commitment (run by the observer)")
      .requiredOption('--observer <name>', 'the observer, as the board will name them')
      .requiredOption('--out <file>', 'where to keep the seed until it is revealed (mode 0600)')
      .action((options: { observer: string; out: string }) => {
        if (existsSync(options.out)) throw new Error(`${options.out} exists: not overwritten`);
        const seed = randomBytes(32).toString('hex');
        writeFileSync(options.out, `${seed}\n`, { mode: 0o600 });
        process.stdout.write(
          `commitment ${auditSeedCommitment(options.observer, seed)}\nGive the commitment to the officer now, and the seed (in ${options.out}) only after the audit has started.\n`
        );
      })
  );
  command.addCommand(
    withPostalCommon(new Command('commit'))
      .description("post an observer's commitment (before the start)")
      .requiredOption('--observer <name>', 'the observer')
      .requiredOption('--commitment <hex>', 'the commitment from `postal audit seed`')
      .action(async (options: PostalCommon & { observer: string; commitment: string }) =>
        show(await auditOf(options).commit(options.observer, options.commitment))
      )
  );
  command.addCommand(
    withPostalCommon(new Command('start'))
      .description('start the audit: no more batches or commitments')
      .requiredOption('--risk-limit <percent>', 'the risk limit, 1–50 %', '5')
      .action(async (options: PostalCommon & { riskLimit: string }) =>
        show(await auditOf(options).start(options.riskLimit))
      )
  );
  command.addCommand(
    withPostalCommon(new Command('reveal'))
      .description("post an observer's seed (after the start)")
      .requiredOption('--observer <name>', 'the observer')
      .requiredOption('--seed <hex>', "the observer's 64-hex-digit seed")
      .action(async (options: PostalCommon & { observer: string; seed: string }) =>
        show(await auditOf(options).reveal(options.observer, options.seed))
      )
  );
  command.addCommand(
    withPostalCommon(new Command('sample'))
      .description("draw the next round's sample from the public seed (the board draws it)")
      .option('--full', 'escalate to a full hand count of every batch not yet counted')
      .action(async (options: PostalCommon & { full?: boolean }) => {
        const sample = await auditOf(options).sample(options.full === true);
        process.stdout.write(
          `Round ${sample.round}${sample.full ? ' (full hand count)' : ''}: ${sample.draws} draws; count by hand: ${sample.batches.join(' ') || '(nothing new)'}\n`
        );
      })
  );
  command.addCommand(
    withPostalCommon(new Command('count'))
      .description('record the hand count of a sampled batch')
      .requiredOption('--batch <id>', 'the batch')
      .requiredOption('--papers <n>', 'papers found in the batch')
      .requiredOption('--spoilt <n>', 'of which spoilt', '0')
      .requiredOption(
        '--counts <list>',
        'votes per candidate in ballot order, e.g. 289,146 (contests split by /)'
      )
      .action(
        async (
          options: PostalCommon & { batch: string; papers: string; spoilt: string; counts: string }
        ) => {
          const client = new ServerClient(options.server);
          const body = parseHandCount(await client.manifest(options.election), options);
          await auditOf(options).count(body);
          process.stdout.write(`Batch ${body.batch}: hand count recorded.\n`);
        }
      )
  );
  command.addCommand(
    withPostalCommon(new Command('end'))
      .description('end the audit: the board states the outcome the counts give, or refuses')
      .action(async (options: PostalCommon) => {
        const end = await auditOf(options).end();
        process.stdout.write(
          end.outcome === 'confirmed'
            ? `The postal count is confirmed: measured risk ${(end.riskPpm / 10_000).toFixed(4)} %.\n`
            : 'Every batch was counted by hand: the result carries the hand counts.\n'
        );
      })
  );
  command.addCommand(
    new Command('status')
      .description("the audit's status (public)")
      .requiredOption('--server <url>', 'the election server')
      .requiredOption('--election <id>', 'the election id')
      .action(async (options: { server: string; election: string }) => {
        const audit = new PostalAuditClient(new ServerClient(options.server), options.election, '');
        process.stdout.write(describe(await audit.status()));
      })
  );
  return command;
}
