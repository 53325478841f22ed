/**
 * @module `npm run demo -- --scenario ranked --out DIR` as a library: a members' ballot with a
 * leader elected by AV, a committee of three by ERS97 STV (with Re-open nominations) and a yes/no
 * motion. Every member votes online; the ranked contests' ballots are mixed by three mix servers,
 * decrypted position by position by 3 of the 5 trustees, and counted stage by stage (spec §11,
 * §12). The record is written to DIR/record and verified (V1–V12, with V10 and V11 for the ranked
 * contests); each published result sheet is compared with the count of the rankings the members
 * intended (DIR/ranked-result.json, DIR/ranked-result.md).
 *
 * Unlike the other scenarios this one does not run through the election server: the board's API
 * has no routes for the ranked phase yet (spec §11.8 "Not yet built"), so every party is played in
 * process by the testkit's simulated election, on an in-memory board that signs checkpoints as the
 * server does. Postal papers of ranked contests are not yet keyed: every member votes online.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type ResultSheet, countRanked, renderSheet } from '@scrutineer/ranked-count';
import { type Manifest, countRankingsOf } from '@scrutineer/record';
import { simulateElection } from '@scrutineer/testkit';
import {
  readRecordEvents,
  verifyRecordDirectory,
} from '../src/commands/election/publish-record.ts';

const LEADER = ['Ada Jones', 'Ben Owen', 'Cai Hughes', 'Dee Rees'];
const COMMITTEE = ['Eve Price', 'Finn Morgan', 'Gwen Ellis', 'Huw Davies', 'Iris Khan', 'RON'];

/**
 * The members' intended votes, as groups of identical ballots: 0-based candidates in preference
 * order for the two ranked contests, and the motion's choice. Leader: Ada leads on first
 * preferences (14 of 40) but Cai wins on Dee's and then Ben's transfers. Committee: Eve is elected
 * at once and her surplus goes to Finn; Gwen and Huw fill the other places.
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
}

export async function runRanked(options: RankedDemoOptions): Promise<RankedDemoOutcome> {
  const { log } = options;
  const out = resolve(options.outDir);
  const group = await loadGroup('sodium');
  const voters = RANKED_PLAN.flatMap((g) => Array.from({ length: g.count }, () => g.choices));
  log(`Ranked members' ballot: ${voters.length} members, 5 trustees (3 decrypt), 3 mix servers…`);
  const election = simulateElection({
    group,
    electionId: 'ranked-members-ballot',
    voters: voters.length,
    trustees: 5,
    threshold: 3,
    absentTrustees: [2, 4],
    contests: [
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
    ],
    onlineChoice: (i) => voters[i] ?? null,
  });

  const recordDir = join(out, 'record');
  rmSync(recordDir, { recursive: true, force: true });
  mkdirSync(recordDir, { recursive: true });
  const files = election.board.toFiles();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(recordDir, name), text);
  log(`Record written to ${recordDir}; verifying…`);
  const report = await verifyRecordDirectory(recordDir);
  const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
  log(
    report.ok
      ? `Verified: ${report.checks.length} checks, stage ${report.stage}.`
      : `NOT verified: ${failed.join(', ')}`
  );

  const contests = rankedOutcomes(election.manifest, readRecordEvents(recordDir), voters);
  const matches = contests.every((c) => JSON.stringify(c.published) === JSON.stringify(c.intended));
  writeFileSync(
    join(out, 'ranked-result.json'),
    `${JSON.stringify({ verified: report.ok, matches, contests }, null, 2)}\n`
  );
  writeFileSync(
    join(out, 'ranked-result.md'),
    contests
      .map((c) => {
        const names = election.manifest.contests
          .find((x) => x.id === c.contest)
          ?.candidates.map((x) => x.name);
        return `# ${c.contest}\n\n${renderSheet(c.published, names)}`;
      })
      .join('\n\n')
  );
  for (const c of contests) log(`${c.contest}: elected ${c.elected.join(', ')}`);
  log(
    matches
      ? 'Every published sheet equals the count of the intended rankings.'
      : 'A published sheet differs from the intended count.'
  );
  return { verified: report.ok, matches, contests, electionId: election.manifest.electionId };
}

/** Each ranked contest's published sheet beside the count of the members' intended rankings. */
function rankedOutcomes(
  manifest: Manifest,
  events: ReturnType<typeof readRecordEvents>,
  voters: readonly (readonly (readonly number[])[])[]
): RankedContestOutcome[] {
  return manifest.contests.flatMap((contest, c) => {
    if (contest.method === undefined) return [];
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
      rankings: voters.map((v) => v[c] ?? []),
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
