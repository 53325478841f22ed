/**
 * @module `npm run demo -- --scenario exact --plan PLAN.json --out DIR` as a library: replays an
 * election whose votes are exact counts per channel (exact-plan.ts) through the real server and
 * HTTP API — a clean roll of exactly `members`, 2-of-3 trustees, credentials and packs (no PDF),
 * online ballots encrypted client-side and cast, postal returns received from their slips, postal
 * batch totals of 500 papers posted after the close, the risk-limiting audit of the postal count
 * at 5 % with two observers' seeds (spec §9.8), tally, decryption, the record fetched and
 * verified — and writes DIR/result.json with the published totals beside the plan.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type MemberRow, memberRows } from '@scrutineer/protocol';
import type { EventBody } from '@scrutineer/record';
import { castVote, loadVotingSetup } from '../src/client/vote-client.ts';
import { closeVoting, loadCredentialsAndOpen } from '../src/commands/election/election-actions.ts';
import { readAnswersFile } from '../src/commands/packs/pack-files.ts';
import { PostalAuditClient, runPostalAudit } from '../src/commands/postal/postal-audit.ts';
import { uploadEnvelopes } from '../src/commands/postal/scanner-file.ts';
import {
  DEMO_THRESHOLD,
  DEMO_TRUSTEES,
  cleanRoll,
  fetchAndVerifyRecord,
  generateDemoPacks,
  inParallel,
  logFailedChecks,
  withDemoElection,
} from './demo-election.ts';
import { scanReturnSlip } from './demo-postal.ts';
import { answersOf } from './demo-voting.ts';
import { type ExactPlan, type PlanTurnout, candidateIds, spreadChoices } from './exact-plan.ts';

const PAPERS_PER_BATCH = 500;
const RISK_LIMIT = 5;

export interface ExactOptions {
  readonly plan: ExactPlan;
  readonly turnout: PlanTurnout;
  readonly outDir: string;
  readonly seed?: string;
  /** A postgres:// URL; default: an embedded PGlite database in DIR/database. */
  readonly database?: string;
  readonly concurrency?: number;
  readonly log?: (message: string) => void;
}

/** One contest of DIR/result.json: the plan's counts beside the published ones. */
export interface ExactResultContest {
  readonly title: string;
  readonly candidates: readonly {
    readonly name: string;
    readonly plan: { readonly online: number; readonly postal: number; readonly total: number };
    readonly published: {
      readonly online: number;
      readonly postal: number;
      readonly total: number;
    };
  }[];
  readonly spoilt: { readonly plan: number; readonly published: number };
}

export interface ExactOutcome {
  readonly electionId: string;
  readonly verified: boolean;
  /** Every published count equals the plan's. */
  readonly matches: boolean;
  readonly contests: readonly ExactResultContest[];
  readonly audit: {
    readonly riskLimit: number;
    readonly rounds: number;
    readonly batchesCounted: number;
    readonly outcome: string;
  };
  readonly seconds: number;
}

export async function runExact(options: ExactOptions): Promise<ExactOutcome> {
  const started = performance.now();
  const log = options.log ?? ((m: string) => void process.stdout.write(`${m}\n`));
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { plan, turnout } = options;
  const out = resolve(options.outDir);
  mkdirSync(out, { recursive: true });
  const group = await loadGroup('sodium');
  log(
    `Scrutineer exact replay: ${plan.members} members, ${turnout.online} online votes, ${turnout.papers} postal papers (${turnout.spoilt} spoilt), ${plan.contests.length} contest(s)`
  );
  const roll = cleanRoll(plan.members, options.seed ?? 'exact');
  log(`[${elapsed()}] roll of ${roll.commitment.count} members committed`);

  const electionId = `exact-${randomBytes(3).toString('hex')}`;
  const ballot = {
    title: `Exact replay: ${plan.contests[0]?.title ?? ''}`.slice(0, 200),
    organisation: 'Scrutineer exact replay',
    contests: plan.contests.map((contest, c) => {
      const ids = candidateIds(contest.candidates);
      return {
        id: `contest-${c + 1}`,
        title: contest.title,
        minSelections: 1,
        maxSelections: 1,
        candidates: contest.candidates.map((name, j) => ({ id: ids[j], name })),
      };
    }),
    channels: { online: turnout.online > 0, postal: turnout.papers > 0 },
  };
  const setUp = { out, database: options.database, group, electionId, roll, ballot };
  return withDemoElection(setUp, async (election) => {
    const { client, manifest, officer, adminKey } = election;
    log(
      `[${elapsed()}] election ${electionId} created; ${DEMO_THRESHOLD}-of-${DEMO_TRUSTEES} key ceremony done`
    );

    const packs = await generateDemoPacks(election, roll, out);
    log(
      `[${elapsed()}] ${packs.packs.packs.length} credentials and packs (${packs.seconds.credentials.toFixed(1)} s credentials, ${packs.seconds.answers.toFixed(1)} s answers, light demo Argon2id)`
    );
    await loadCredentialsAndOpen(officer, readAnswersFile(packs.paths.answers));
    log(`[${elapsed()}] credentials on the board; voting open`);

    const rows: MemberRow[] = memberRows(packs.packs);
    const concurrency = options.concurrency ?? 8;
    const onlineChoice = plan.contests.map((c) => spreadChoices(c.online));
    const postalChoice = plan.contests.map((c) => spreadChoices(c.postal));
    if (turnout.online > 0) {
      const setup = await loadVotingSetup(client, group, electionId);
      await inParallel(rows.slice(0, turnout.online), concurrency, async (row, k) => {
        const outcome = await castVote({
          server: client,
          electionId,
          code: row.code,
          answers: answersOf(row),
          choices: manifest.contests.map(
            (contest, c) => `${contest.id}=${(onlineChoice[c]?.(k) ?? 0) + 1}`
          ),
          group,
          setup,
        });
        if (!outcome.ok) throw new Error(`pack ${row.pack_id}: vote refused (${outcome.code})`);
      });
      log(`[${elapsed()}] ${turnout.online} online ballots encrypted and cast`);
    }
    const postal = rows.slice(turnout.online, turnout.online + turnout.papers);
    // Scanned in trays of PAPERS_PER_BATCH and uploaded in bulk as a scanning station does; each
    // tray is opened and counted as one batch below, so its id is the batch's.
    const batchId = (tray: number) => `batch-${String(tray + 1).padStart(4, '0')}`;
    const envelopes = postal.map((row, k) => {
      const slip = scanReturnSlip(row);
      return {
        row: k + 1,
        credential: slip.credential,
        returnSecret: slip.returnSecret,
        batch: batchId(Math.floor(k / PAPERS_PER_BATCH)),
        scannedAt: new Date().toISOString(),
      };
    });
    const intake = await uploadEnvelopes(client, electionId, adminKey, envelopes, {
      onProgress: (done) => {
        if (done % 10_000 < 1000)
          log(`[${elapsed()}]   ${done}/${postal.length} postal returns received`);
      },
    });
    if (intake.refused.length > 0 || intake.received !== postal.length)
      throw new Error(
        `postal intake: ${intake.received} received, ${intake.refused.length} refused (${intake.refused[0]?.code ?? ''})`
      );
    log(`[${elapsed()}] ${postal.length} postal returns received`);
    await closeVoting(officer);

    // Paper k: spoilt if among the last `spoilt`, else the spread choice of each contest.
    const valid = turnout.papers - turnout.spoilt;
    const batches = new Map<string, EventBody<'postal-batch'>>();
    for (let start = 0; start < turnout.papers; start += PAPERS_PER_BATCH) {
      const end = Math.min(turnout.papers, start + PAPERS_PER_BATCH);
      const contests = manifest.contests.map((contest) => ({
        counts: contest.candidates.map(() => 0),
      }));
      let spoilt = 0;
      for (let k = start; k < end; k++) {
        if (k >= valid) spoilt++;
        else
          contests.forEach((contest, c) => {
            const j = postalChoice[c]?.(k) ?? 0;
            contest.counts[j] = (contest.counts[j] ?? 0) + 1;
          });
      }
      const body = {
        batch: batchId(batches.size),
        papers: end - start,
        spoilt,
        contests,
      };
      await client.call('postalBatch', { params: { electionId }, token: adminKey, body });
      batches.set(body.batch, body);
    }
    log(
      `[${elapsed()}] voting closed; ${batches.size} postal batches of up to ${PAPERS_PER_BATCH} posted`
    );

    let auditSummary: ExactOutcome['audit'] = {
      riskLimit: RISK_LIMIT,
      rounds: 0,
      batchesCounted: 0,
      outcome: 'none',
    };
    if (batches.size > 0) {
      const audit = await runPostalAudit(new PostalAuditClient(client, electionId, adminKey), {
        riskLimit: RISK_LIMIT,
        observers: ['Observer A', 'Observer B'].map((observer) => ({
          observer,
          seed: randomBytes(32).toString('hex'),
        })),
        // The hand count finds what was reported: the plan's papers, counted right.
        handCount: (batch) => {
          const body = batches.get(batch);
          if (body === undefined) throw new Error(`the board sampled an unknown batch ${batch}`);
          return body;
        },
        log,
      });
      auditSummary = {
        riskLimit: RISK_LIMIT,
        rounds: audit.rounds.length,
        batchesCounted: audit.rounds.reduce((n, r) => n + r.batches.length, 0),
        outcome: audit.end.outcome,
      };
      log(
        `[${elapsed()}] postal count audited at ${RISK_LIMIT} %: ${auditSummary.outcome} after ${auditSummary.rounds} round(s), ${auditSummary.batchesCounted} of ${batches.size} batches counted by hand (measured risk ${(audit.end.riskPpm / 10_000).toFixed(2)} %)`
      );
    }

    const tally = await election.tally();
    log(`[${elapsed()}] tally of ${tally.ballots} online ballots decrypted; result posted`);

    const { report } = await fetchAndVerifyRecord(election, out);
    log(
      `[${elapsed()}] record verified: ${report.ok ? 'VALID' : 'INVALID'} (stage ${report.stage}, ${report.events} events)`
    );
    logFailedChecks(report, log);

    const publishedSpoilt = [...batches.values()].reduce((n, b) => n + b.spoilt, 0);
    const contests: ExactResultContest[] = plan.contests.map((contest, c) => ({
      title: contest.title,
      candidates: contest.candidates.map((name, j) => {
        const option = tally.result.contests[c]?.options[j];
        const online = contest.online[j] ?? 0;
        const postalVotes = contest.postal[j] ?? 0;
        return {
          name,
          plan: { online, postal: postalVotes, total: online + postalVotes },
          published: {
            online: option?.online ?? -1,
            postal: option?.postal ?? -1,
            total: option?.total ?? -1,
          },
        };
      }),
      spoilt: { plan: contest.spoilt, published: publishedSpoilt },
    }));
    const matches = contests.every(
      (contest) =>
        contest.spoilt.plan === contest.spoilt.published &&
        contest.candidates.every(
          (row) =>
            row.plan.online === row.published.online &&
            row.plan.postal === row.published.postal &&
            row.plan.total === row.published.total
        )
    );
    const seconds = (performance.now() - started) / 1000;
    const outcome: ExactOutcome = {
      electionId,
      verified: report.ok,
      matches,
      contests,
      audit: auditSummary,
      seconds,
    };
    writeFileSync(
      join(out, 'result.json'),
      `${JSON.stringify({ members: plan.members, ...outcome }, null, 2)}\n`
    );
    for (const contest of contests) {
      log(`${contest.title}`);
      for (const row of contest.candidates)
        log(
          `  ${row.name.padEnd(30)} plan ${String(row.plan.total).padStart(9)}   published ${String(row.published.total).padStart(9)} (online ${row.published.online}, postal ${row.published.postal})`
        );
      log(
        `  ${'spoilt papers'.padEnd(30)} plan ${String(contest.spoilt.plan).padStart(9)}   published ${String(contest.spoilt.published).padStart(9)}`
      );
    }
    log(
      matches && report.ok
        ? `The published totals equal the plan and the record verifies (${elapsed()}). Result: ${join(out, 'result.json')}`
        : `MISMATCH or INVALID record: see above (${join(out, 'result.json')}).`
    );
    return outcome;
  });
}
