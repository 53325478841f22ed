/**
 * @module `npm run demo -- --scenario ranked --out DIR` as a library: a members' ballot with a
 * leader elected by AV, a committee of three by ERS97 STV (with Re-open nominations) and a yes/no
 * motion. Most members vote online, some by post (ranked-postal.ts: their papers' boxes keyed
 * twice into one batch); the ranked contests' online ballots are mixed by three mix servers,
 * decrypted position by position by 3 of the 5 trustees, and counted stage by stage with the
 * postal papers' rankings (spec §11, §11.8, §12). The record is written to DIR/record and verified (V1–V12, with V10 and V11 for the ranked
 * contests); each published result sheet is compared with the count of the rankings the members
 * intended (DIR/ranked-plan.json); the sheets as published are DIR/ranked-result.json and, as
 * readable tables, DIR/ranked-result.md.
 *
 * Like the other scenarios it runs through the election server (a fresh PGlite board): the
 * election is set up by the testkit's test election (its ceremony played in process), the members
 * sign in and cast over HTTP, and the officer closes and tallies, the trustees decrypt, and the ranked
 * phase goes step by step through the same calls as `scrutineer mixer mix`, `trustee
 * ranked-decrypt` and `election count` (ranked-actions.ts), each checked by the board before it is
 * appended.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ResultSheet, countRanked } from '@scrutineer/ranked-count';
import { encryptBallot } from '@scrutineer/protocol';
import { type Manifest, countRankingsOf, isRankedContest } from '@scrutineer/record';
import {
  type ContestSpec,
  castBallotRequest,
  createTestElection,
  postDecryptionShares,
  sessionFor,
  voterKey,
} from '@scrutineer/testkit';
import { ServerClient } from '../src/client/server-client.ts';
import { closeVoting, tallyElection } from '../src/commands/election/election-actions.ts';
import { rankedSheetsOf, writeRankedSheets } from '../src/commands/election/ranked-sheets.ts';
import {
  readRecordEvents,
  verifyRecordDirectory,
  writeRecordFromServer,
} from '../src/commands/election/publish-record.ts';
import {
  type RankedContext,
  postNextMix,
  postRankedCount,
  postRankedShares,
} from '../src/commands/ranked/ranked-actions.ts';
import { startFreshDemoServer } from './demo-server.ts';
import {
  RANKED_POSTAL_PLAN,
  postRankedPostal,
  rankedPostalPapers,
  receiveRankedPostal,
} from './ranked-postal.ts';

const LEADER = ['Ada Jones', 'Ben Owen', 'Cai Hughes', 'Dee Rees'];
const COMMITTEE = ['Eve Price', 'Finn Morgan', 'Gwen Ellis', 'Huw Davies', 'Iris Khan', 'RON'];

/**
 * The online members' intended votes, as groups of identical ballots: 0-based candidates in
 * preference order for the two ranked contests, and the motion's choice. Online alone, leader:
 * Ada leads on first preferences (14 of 40) but Cai wins on Dee's and then Ben's transfers;
 * committee: Eve is elected at once, Gwen and Huw fill the other places. The postal papers
 * (RANKED_POSTAL_PLAN) change both: Ben is elected leader, Finn takes Huw's place.
 */
export const RANKED_PLAN: readonly { readonly count: number; readonly choices: number[][] }[] = [
  { count: 14, choices: [[0, 1], [0, 1], [0]] },
  { count: 12, choices: [[1, 2], [2, 3], [0]] },
  { count: 8, choices: [[2, 1], [3, 2], [1]] },
  { count: 6, choices: [[3, 2, 1], [4, 1], [1]] },
];

export interface RankedDemoOptions {
  readonly outDir: string;
  readonly log: (message: string) => void;
}

export interface RankedContestOutcome {
  readonly contest: string;
  readonly published: ResultSheet;
  readonly intended: ResultSheet;
  readonly elected: readonly string[];
}

export interface RankedDemoOutcome {
  readonly verified: boolean;
  /** Every published sheet equals the count of the intended rankings, stage by stage. */
  readonly matches: boolean;
  readonly contests: readonly RankedContestOutcome[];
  readonly electionId: string;
  /** Who posted each mix, as the officials' audit log names them (`mixer-m`, never the officer). */
  readonly mixPosters: readonly string[];
}

const CONTESTS: readonly ContestSpec[] = [
  {
    id: 'leader',
    title: 'Leader',
    minSelections: 0,
    maxSelections: LEADER.length,
    candidates: LEADER,
    method: 'irv',
  },
  {
    id: 'committee',
    title: 'Committee',
    minSelections: 0,
    maxSelections: COMMITTEE.length,
    candidates: COMMITTEE,
    method: 'stv',
    rules: 'ers97',
    seats: 3,
  },
  {
    id: 'motion',
    title: 'Motion: adopt the new rules',
    minSelections: 1,
    maxSelections: 1,
    candidates: ['Yes', 'No'],
  },
];

/** Trustees who decrypt (3 of the 5; 2 and 4 stay away). */
const DECRYPTING = [1, 3, 5];

export async function runRanked(options: RankedDemoOptions): Promise<RankedDemoOutcome> {
  const { log } = options;
  const out = resolve(options.outDir);
  mkdirSync(out, { recursive: true });
  const voters = RANKED_PLAN.flatMap((g) => Array.from({ length: g.count }, () => g.choices));
  const postal = rankedPostalPapers();
  log(
    `Ranked members' ballot: ${voters.length} members online, ${postal.length} by post, 5 trustees (3 decrypt), 3 mix servers…`
  );
  const { server } = await startFreshDemoServer({ out, checkpointIntervalMs: 60_000 });
  try {
    const election = await createTestElection(server.service, {
      voters: voters.length + postal.length,
      contests: CONTESTS,
      trustees: 5,
      threshold: 3,
    });
    const { group } = election.setup;
    for (const [i, voter] of election.voters.slice(0, voters.length).entries()) {
      const { ballot } = encryptBallot(election.setup, voterKey(group, voter), voters[i] ?? []);
      const token = await sessionFor(server, election, voter);
      const cast = await castBallotRequest(server, election.electionId, token, ballot);
      if (cast.status !== 201) throw new Error(`member ${i}: ${JSON.stringify(cast.body)}`);
    }
    const client = new ServerClient(server.url);
    const context: RankedContext & { adminKey: string } = {
      client,
      group,
      electionId: election.electionId,
      adminKey: election.adminKey,
      log,
    };
    await receiveRankedPostal(
      client,
      election.electionId,
      election.adminKey,
      election.voters.slice(voters.length)
    );
    await closeVoting(context);
    await postRankedPostal(
      client,
      election.electionId,
      election.adminKey,
      join(out, 'postal'),
      log
    );
    const asOfficer = { params: { electionId: election.electionId }, token: election.adminKey };
    const tallied = await client.call('tally', asOfficer);
    const tally = (await client.events(election.electionId)).find(
      (e) => e.type === 'encrypted-tally'
    );
    if (tally?.type !== 'encrypted-tally') throw new Error('no encrypted tally');
    const absent = {
      ...election,
      trusteeKeys: election.trusteeKeys.filter((k) => DECRYPTING.includes(k.publicKey.trustee)),
    };
    await postDecryptionShares(server, absent, tally.body, tallied.checkpoint);
    for (const contest of CONTESTS) {
      if (!isRankedContest(contest)) continue;
      // Each mix server posts its own mix through its own routes, signed with its own key
      // (V10.6, spec §11.8), as `scrutineer mixer mix` does: the officer's key plays no part.
      const { adminKey: _officerOnly, ...mixServer } = context;
      for (const [m, secretKey] of election.mixerSecretKeys.entries())
        await postNextMix(mixServer, contest.id, m + 1, secretKey);
      await client.call('signCheckpoint', asOfficer);
      for (;;) {
        let posted = false;
        for (const trustee of DECRYPTING) {
          const secretShare = election.trusteeShares.get(trustee) as bigint;
          posted =
            (await postRankedShares(context, contest.id, { trustee, secretShare })) !== null ||
            posted;
        }
        if (!posted) break;
      }
      await postRankedCount(context, contest.id);
    }
    await tallyElection(context);
    const audit = await client.call('auditLog', asOfficer);
    const mixPosters = audit.entries.filter((e) => e.action === 'mix').map((e) => e.actor);
    log('Result published; writing the record…');
    const outcome = await publishAndCompare(
      out,
      client,
      election.electionId,
      election.manifest,
      voters,
      log
    );
    return { ...outcome, mixPosters };
  } finally {
    await server.close();
  }
}

async function publishAndCompare(
  out: string,
  client: ServerClient,
  electionId: string,
  manifest: Manifest,
  voters: readonly (readonly (readonly number[])[])[],
  log: (message: string) => void
): Promise<Omit<RankedDemoOutcome, 'mixPosters'>> {
  const recordDir = join(out, 'record');
  rmSync(recordDir, { recursive: true, force: true });
  mkdirSync(recordDir, { recursive: true });
  await writeRecordFromServer(client, electionId, recordDir);
  log(`Record written to ${recordDir}; verifying…`);
  const report = await verifyRecordDirectory(recordDir);
  const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
  log(
    report.ok
      ? `Verified: ${report.checks.length} checks, stage ${report.stage}.`
      : `NOT verified: ${failed.join(', ')}`
  );

  const events = readRecordEvents(recordDir);
  const contests = rankedOutcomes(manifest, events, voters);
  const matches = contests.every((c) => JSON.stringify(c.published) === JSON.stringify(c.intended));
  writeFileSync(
    join(out, 'ranked-plan.json'),
    `${JSON.stringify({ verified: report.ok, matches, contests }, null, 2)}\n`
  );
  writeRankedSheets(out, manifest, rankedSheetsOf(manifest, events));
  for (const c of contests) log(`${c.contest}: elected ${c.elected.join(', ')}`);
  log(
    matches
      ? 'Every published sheet equals the count of the intended rankings.'
      : 'A published sheet differs from the intended count.'
  );
  return { verified: report.ok, matches, contests, electionId };
}

/**
 * Each ranked contest's published sheet beside the count of the members' intended rankings: the
 * online members' and the postal papers' (as the plan reads their boxes; a void paper has none).
 */
function rankedOutcomes(
  manifest: Manifest,
  events: ReturnType<typeof readRecordEvents>,
  voters: readonly (readonly (readonly number[])[])[]
): RankedContestOutcome[] {
  return manifest.contests.flatMap((contest, c) => {
    if (!isRankedContest(contest)) return [];
    const result = events.find(
      (e) => e.type === 'ranked-result' && e.body.contestId === contest.id
    );
    const rankings = events.find((e) => e.type === 'ranked-rankings' && e.body.contest === c);
    if (result?.type !== 'ranked-result' || rankings?.type !== 'ranked-rankings')
      throw new Error(`no published result for ${contest.id}`);
    const intended = countRanked({
      method: contest.method,
      ...(contest.method === 'stv' ? { rules: contest.rules as 'ers97' | 'meek' } : {}),
      seats: contest.seats ?? 1,
      candidates: contest.candidates.length,
      rankings: [
        ...voters.map((v) => v[c] ?? []),
        ...RANKED_POSTAL_PLAN.flatMap((g) =>
          g.intended === null ? [] : Array.from({ length: g.count }, () => g.intended?.[c] ?? [])
        ),
      ],
      seed: result.body.seed,
    });
    if (!intended.ok) throw new Error(intended.error.message);
    // The published rankings are the decrypted ones (V10.5), 1-based; they hold the same multiset.
    const decrypted = countRankingsOf(rankings.body)
      .map((r) => r.join('>'))
      .sort();
    const cast = voters.map((v) => (v[c] ?? []).join('>')).sort();
    if (decrypted.join() !== cast.join())
      throw new Error(`${contest.id}: decrypted rankings differ from the cast ones`);
    const published = result.body.sheet as ResultSheet;
    return [
      {
        contest: contest.id,
        published,
        intended: intended.value,
        elected: published.elected.map((e) => contest.candidates[e]?.name ?? `${e}`),
      },
    ];
  });
}
