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
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type MemberRow, buildRoll, memberRows } from '@scrutineer/protocol';
import type { EventBody } from '@scrutineer/record';
import { makeSyntheticRoll } from '../test-fixtures/synthetic-roll.ts';
import { ServerClient } from '../src/client/server-client.ts';
import { startFreshDemoServer } from './demo-server.ts';
import { castVote, loadVotingSetup } from '../src/client/vote-client.ts';
import {
  type OfficerContext,
  closeVoting,
  createElectionOverHttp,
  loadCredentialsAndOpen,
  publishElectionKey,
  tallyElection,
} from '../src/commands/election/election-actions.ts';
import {
  verifyRecordDirectory,
  writeRecordFromServer,
} from '../src/commands/election/publish-record.ts';
import { electionDraft } from '../src/commands/packs/election-input.ts';
import { generatePackFiles } from '../src/commands/packs/generate.ts';
import { readAnswersFile } from '../src/commands/packs/pack-files.ts';
import { PostalAuditClient, runPostalAudit } from '../src/commands/postal/postal-audit.ts';
import { uploadEnvelopes } from '../src/commands/postal/scanner-file.ts';
import { commitRollMembers } from '../src/commands/roll/commit.ts';
import { parseCsvText } from '../src/commands/roll/csv-file.ts';
import {
  postDecryptionShare,
  runTrusteeCeremony,
} from '../src/commands/trustee/trustee-actions.ts';
import { createTrusteeKeyFile, manifestEntry } from '../src/commands/trustee/trustee-key-file.ts';
import { instant } from './demo-setup.ts';
import { scanReturnSlip } from './demo-postal.ts';
import { answersOf } from './demo-voting.ts';
import { DEMO_ARGON2 } from './run-demo.ts';
import { type ExactPlan, type PlanTurnout, candidateIds, spreadChoices } from './exact-plan.ts';

const PAPERS_PER_BATCH = 500;
const RISK_LIMIT = 5;
const TRUSTEES = 3;
const THRESHOLD = 2;

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

/** A roll of exactly `members` eligible members: the clean rows of a synthetic roll. */
export function cleanRoll(members: number, seed: string) {
  const synthetic = makeSyntheticRoll({
    members: members + Math.ceil(members / 20) + 100,
    seed,
  });
  const clean = new Set(synthetic.cleanMemberIds);
  const table = parseCsvText(synthetic.csv);
  const rows = table.rows.filter((r) => clean.has(r.cells[0] ?? '')).slice(0, members);
  if (rows.length !== members) throw new Error(`the synthetic roll has too few clean members`);
  const built = buildRoll({ header: table.header, rows }, synthetic.rules);
  if (!built.ok) throw new Error(`roll refused: ${built.error[0]?.reason ?? ''}`);
  const committed = commitRollMembers(built.value);
  if (committed.commitment.count !== members)
    throw new Error(`the roll has ${committed.commitment.count} eligible members, not ${members}`);
  return { roll: built.value, ...committed };
}

/** Runs `work` over `items` with `concurrency` in flight. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    })
  );
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
  const { server, operatorKey, adminKey } = await startFreshDemoServer({
    out,
    database: options.database,
    checkpointIntervalMs: 30_000,
  });
  try {
    const client = new ServerClient(server.url);
    const trusteeFiles = Array.from({ length: TRUSTEES }, (_, i) =>
      createTrusteeKeyFile(group, electionId, i + 1, `Trustee ${i + 1}`)
    );
    const now = new Date();
    const created = await createElectionOverHttp(
      client,
      operatorKey,
      {
        format: 'scrutineer/v1',
        electionId,
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
        window: {
          opens: instant(new Date(now.getTime() - 60_000)),
          closes: instant(new Date(now.getTime() + 14 * 24 * 3_600_000)),
        },
        channels: { online: turnout.online > 0, postal: turnout.papers > 0 },
        policy: 'first-ballot-final',
        trustees: { threshold: THRESHOLD, members: trusteeFiles.map(manifestEntry) },
        roll: roll.commitment,
        securityQuestions: [
          { id: 'dob', label: 'Date of birth' },
          { id: 'postcode', label: 'Postcode' },
        ],
      },
      adminKey
    );
    const manifest = created.manifest;
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const officer: OfficerContext = { client, group, electionId, adminKey };
    const trusteeContext = { client, group, electionId, timeoutMs: 600_000 };
    const [ceremonies, electionKey] = await Promise.all([
      Promise.all(trusteeFiles.map((file) => runTrusteeCeremony(trusteeContext, file))),
      publishElectionKey(officer, { complaintWaitMs: 500, timeoutMs: 600_000 }),
    ]);
    log(
      `[${elapsed()}] election ${electionId} created; ${THRESHOLD}-of-${TRUSTEES} key ceremony done`
    );

    const packs = await generatePackFiles({
      roll: roll.roll,
      references: roll.references,
      election: electionDraft(manifest, manifest),
      outDir: out,
      group,
      answers: { parameters: DEMO_ARGON2 },
      fingerprint: { board: client, electionKey },
      pdf: false,
    });
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

    const sharing: Promise<void>[] = [];
    const tally = await tallyElection(officer, {
      timeoutMs: 600_000,
      onWaiting: (checkpoint) => {
        sharing.push(
          Promise.all(
            ceremonies
              .slice(0, THRESHOLD)
              .map((c) => postDecryptionShare(trusteeContext, c.file, checkpoint))
          ).then(() => undefined)
        );
      },
    });
    await Promise.all(sharing);
    log(`[${elapsed()}] tally of ${tally.ballots} online ballots decrypted; result posted`);

    const recordDir = join(out, 'record');
    rmSync(recordDir, { recursive: true, force: true });
    await writeRecordFromServer(client, electionId, recordDir);
    const report = await verifyRecordDirectory(recordDir);
    log(
      `[${elapsed()}] record verified: ${report.ok ? 'VALID' : 'INVALID'} (stage ${report.stage}, ${report.events} events)`
    );
    for (const check of report.checks)
      if (check.status === 'failed')
        log(`  FAILED ${check.id}: ${check.failures[0]?.message ?? ''}`);

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
  } finally {
    await server.close();
  }
}
