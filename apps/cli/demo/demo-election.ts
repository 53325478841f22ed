/**
 * @module The live election that the exact and styles scenarios both run through the real server
 * and HTTP API: a roll of exactly the members asked for, a fresh demo server, the scenario's
 * ballot created as an election of 2-of-3 trustees (DIR/manifest.json), the key ceremony, the
 * credentials and packs (no PDF), and at the close the tally that two trustees decrypt and the
 * record fetched and verified. Each scenario keeps only what is its own: its ballot, its votes,
 * its checks and its log.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Group } from '@scrutineer/crypto';
import { buildRoll } from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';
import { makeSyntheticRoll } from '../test-fixtures/synthetic-roll.ts';
import { ServerClient } from '../src/client/server-client.ts';
import {
  type OfficerContext,
  type TallyOutcome,
  createElectionOverHttp,
  publishElectionKey,
  tallyElection,
} from '../src/commands/election/election-actions.ts';
import {
  verifyRecordDirectory,
  writeRecordFromServer,
} from '../src/commands/election/publish-record.ts';
import { electionDraft } from '../src/commands/packs/election-input.ts';
import { type GeneratedPackFiles, generatePackFiles } from '../src/commands/packs/generate.ts';
import { commitRollMembers } from '../src/commands/roll/commit.ts';
import { parseCsvText } from '../src/commands/roll/csv-file.ts';
import {
  type TrusteeContext,
  postDecryptionShare,
  runTrusteeCeremony,
} from '../src/commands/trustee/trustee-actions.ts';
import { createTrusteeKeyFile, manifestEntry } from '../src/commands/trustee/trustee-key-file.ts';
import { startFreshDemoServer } from './demo-server.ts';
import { instant } from './demo-setup.ts';
import { DEMO_ARGON2 } from './run-demo.ts';

export const DEMO_TRUSTEES = 3;
export const DEMO_THRESHOLD = 2;

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

export type CleanRoll = ReturnType<typeof cleanRoll>;

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

/**
 * What a scenario's manifest says of its own ballot: the title, organisation and channels, and
 * its contests with whatever goes with them (styles, weights, colleges), in manifest order.
 */
export interface DemoBallot {
  readonly title: string;
  readonly organisation: string;
  readonly channels: { readonly online: boolean; readonly postal: boolean };
  readonly contests: readonly unknown[];
  readonly [field: string]: unknown;
}

export interface DemoElection {
  readonly url: string;
  readonly client: ServerClient;
  readonly group: Group;
  readonly electionId: string;
  readonly adminKey: string;
  readonly manifest: Manifest;
  readonly officer: OfficerContext;
  readonly electionKey: string;
  /** Tallies the closed election; two trustees decrypt when the board asks. */
  readonly tally: () => Promise<TallyOutcome>;
}

/**
 * Starts a fresh demo server, creates the election of `ballot` on it (manifest in
 * DIR/manifest.json), runs the trustees' key ceremony, and hands the keyed election to `run`;
 * the server is closed when `run` ends, however it ends.
 */
export async function withDemoElection<T>(
  options: {
    readonly out: string;
    readonly database?: string | undefined;
    readonly group: Group;
    readonly electionId: string;
    readonly roll: CleanRoll;
    readonly ballot: DemoBallot;
  },
  run: (election: DemoElection) => Promise<T>
): Promise<T> {
  const { out, group, electionId } = options;
  const { server, operatorKey, adminKey } = await startFreshDemoServer({
    out,
    database: options.database,
    checkpointIntervalMs: 30_000,
  });
  try {
    const client = new ServerClient(server.url);
    const trusteeFiles = Array.from({ length: DEMO_TRUSTEES }, (_, i) =>
      createTrusteeKeyFile(group, electionId, i + 1, `Trustee ${i + 1}`)
    );
    const now = new Date();
    const { title, organisation, channels, ...contests } = options.ballot;
    const created = await createElectionOverHttp(
      client,
      operatorKey,
      {
        format: 'scrutineer/v1',
        electionId,
        title,
        organisation,
        ...contests,
        window: {
          opens: instant(new Date(now.getTime() - 60_000)),
          closes: instant(new Date(now.getTime() + 14 * 24 * 3_600_000)),
        },
        channels,
        policy: 'first-ballot-final',
        trustees: { threshold: DEMO_THRESHOLD, members: trusteeFiles.map(manifestEntry) },
        roll: options.roll.commitment,
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
    const trusteeContext: TrusteeContext = { client, group, electionId, timeoutMs: 600_000 };
    const [ceremonies, electionKey] = await Promise.all([
      Promise.all(trusteeFiles.map((file) => runTrusteeCeremony(trusteeContext, file))),
      publishElectionKey(officer, { complaintWaitMs: 500, timeoutMs: 600_000 }),
    ]);
    const tally = async (): Promise<TallyOutcome> => {
      const sharing: Promise<void>[] = [];
      const outcome = await tallyElection(officer, {
        timeoutMs: 600_000,
        onWaiting: (checkpoint) => {
          sharing.push(
            Promise.all(
              ceremonies
                .slice(0, DEMO_THRESHOLD)
                .map((c) => postDecryptionShare(trusteeContext, c.file, checkpoint))
            ).then(() => undefined)
          );
        },
      });
      await Promise.all(sharing);
      return outcome;
    };
    const election: DemoElection = {
      url: server.url,
      client,
      group,
      electionId,
      adminKey,
      manifest,
      officer,
      electionKey,
      tally,
    };
    return await run(election);
  } finally {
    await server.close();
  }
}

/** The roll's credentials and packs for `election`, in DIR (light demo Argon2id, no PDF). */
export function generateDemoPacks(
  election: DemoElection,
  roll: CleanRoll,
  out: string
): Promise<GeneratedPackFiles> {
  const { manifest, client, group, electionKey } = election;
  return generatePackFiles({
    roll: roll.roll,
    references: roll.references,
    election: electionDraft(manifest, manifest),
    outDir: out,
    group,
    answers: { parameters: DEMO_ARGON2 },
    fingerprint: { board: client, electionKey },
    pdf: false,
  });
}

/** Fetches the election's record into DIR/record (emptied first) and verifies it. */
export async function fetchAndVerifyRecord(election: DemoElection, out: string) {
  const recordDir = join(out, 'record');
  rmSync(recordDir, { recursive: true, force: true });
  await writeRecordFromServer(election.client, election.electionId, recordDir);
  return { recordDir, report: await verifyRecordDirectory(recordDir) };
}

/** Logs each failed check of a verification report, with its first failure. */
export function logFailedChecks(
  report: Awaited<ReturnType<typeof verifyRecordDirectory>>,
  log: (message: string) => void
): void {
  for (const check of report.checks)
    if (check.status === 'failed') log(`  FAILED ${check.id}: ${check.failures[0]?.message ?? ''}`);
}
