/**
 * @module `npm run demo -- --scenario styles --out DIR` as a library: a ballot event with ballot
 * styles, weights and an electoral college (spec §13) through the real server and HTTP API. The
 * roll's members fall in three categories — north, south and affiliates (weight 3) — who vote in
 * a general contest, a northern seat (north only) and a chair elected by a 50/50 college of
 * members (north and south) and affiliates. Every member votes online from their own style; one
 * affiliate's device also tries a ballot that includes the northern seat, which the board refuses
 * (`ballot/contest-not-in-style`). The record is fetched and verified, and the weighted totals and
 * the college's combined result are compared with what the members intended (DIR/result.json), as
 * are each contest's own turnout and the college in the declaration (DIR/declaration/).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { type MemberRow, memberRows } from '@scrutineer/protocol';
import {
  type Manifest,
  collegeResults,
  declareResult,
  styleContestIndexes,
} from '@scrutineer/record';
import { castVote, loadVotingSetup } from '../src/client/vote-client.ts';
import { closeVoting, loadCredentialsAndOpen } from '../src/commands/election/election-actions.ts';
import {
  formatDeclaration,
  writeDeclarationFiles,
} from '../src/commands/election/declaration-files.ts';
import { readRecordEvents } from '../src/commands/election/publish-record.ts';
import { readAnswersFile } from '../src/commands/packs/pack-files.ts';
import {
  cleanRoll,
  fetchAndVerifyRecord,
  generateDemoPacks,
  inParallel,
  logFailedChecks,
  withDemoElection,
} from './demo-election.ts';
import { answersOf } from './demo-voting.ts';

export const CATEGORIES = ['north', 'south', 'affiliates'] as const;
export type Category = (typeof CATEGORIES)[number];
const WEIGHT: Record<Category, number> = { north: 1, south: 1, affiliates: 3 };

const candidates = (names: readonly string[]) =>
  names.map((name) => ({ id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name }));

/** The contests, styles, weights and college of the scenario (spec §13.1–§13.5). */
export function stylesManifestParts(minCategorySize: number) {
  return {
    contests: [
      {
        id: 'general',
        title: 'General secretary',
        minSelections: 1,
        maxSelections: 1,
        candidates: candidates(['Alex Morgan', 'Sam Patel']),
      },
      {
        id: 'north-seat',
        title: 'Northern seat on the executive',
        minSelections: 1,
        maxSelections: 1,
        candidates: candidates(['Jo Evans', 'Ria Shah']),
      },
      {
        id: 'chair-members',
        title: 'Chair — members’ college',
        minSelections: 1,
        maxSelections: 1,
        candidates: candidates(['Kim Lee', 'Pat Doyle']),
      },
      {
        id: 'chair-affiliates',
        title: 'Chair — affiliates’ college',
        minSelections: 1,
        maxSelections: 1,
        candidates: candidates(['Kim Lee', 'Pat Doyle']),
      },
    ],
    styles: {
      minCategorySize,
      categories: [
        { id: 'north', name: 'North region', contests: ['general', 'north-seat', 'chair-members'] },
        { id: 'south', name: 'South region', contests: ['general', 'chair-members'] },
        { id: 'affiliates', name: 'Affiliates', contests: ['general', 'chair-affiliates'] },
      ],
    },
    weights: { max: 10 },
    colleges: [
      {
        id: 'chair',
        title: 'Chair',
        parts: [
          { contest: 'chair-members', share: 50 },
          { contest: 'chair-affiliates', share: 50 },
        ],
      },
    ],
  };
}

/** Member k's category: the roll's category column in a real election; here by roll position. */
export const categoryOf = (k: number): Category => CATEGORIES[k % 3] as Category;

/** Member k's intended choice in contest c (0-based candidate): a fixed, uneven spread. */
const intended = (k: number, c: number): number => ((k * (c + 2) + c) % 5 < 2 ? 0 : 1);

export interface StylesOptions {
  readonly members: number;
  readonly outDir: string;
  readonly seed?: string;
  readonly database?: string;
  readonly log?: (message: string) => void;
  /** Called while voting is open, before the members vote (the booth test signs in then). */
  readonly whileOpen?: (live: StylesLive) => Promise<void>;
}

export interface StylesLive {
  readonly url: string;
  readonly electionId: string;
  readonly manifest: Manifest;
  readonly rows: readonly MemberRow[];
  readonly categoryOf: (row: MemberRow) => Category;
}

export interface StylesOutcome {
  readonly electionId: string;
  readonly verified: boolean;
  readonly matches: boolean;
  readonly refusedForbidden: string;
  readonly totals: readonly (readonly number[])[];
  readonly intendedTotals: readonly (readonly number[])[];
  readonly college: ReturnType<typeof collegeResults>;
}

export async function runStyles(options: StylesOptions): Promise<StylesOutcome> {
  const log = options.log ?? ((m: string) => void process.stdout.write(`${m}\n`));
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const out = resolve(options.outDir);
  mkdirSync(out, { recursive: true });
  const group = await loadGroup('sodium');
  const clean = cleanRoll(options.members, options.seed ?? 'styles');
  // Spec §13.1.1: each member's category and weight, as the roll's columns would carry them.
  const roll = {
    ...clean,
    roll: {
      ...clean.roll,
      members: clean.roll.members.map((member, k) => ({
        ...member,
        category: categoryOf(k),
        weight: WEIGHT[categoryOf(k)],
      })),
    },
  };
  const electionId = `styles-${randomBytes(3).toString('hex')}`;
  const ballot = {
    title: 'Executive elections with regional seats and a chair college',
    organisation: 'Scrutineer styles demo',
    ...stylesManifestParts(Math.max(1, Math.floor(options.members / 6))),
    // Spec §13.2: postal batches do not yet count papers per style.
    channels: { online: true, postal: false },
  };
  const setUp = { out, database: options.database, group, electionId, roll, ballot };
  return withDemoElection(setUp, async (election) => {
    const { client, manifest, officer } = election;
    log(`[${elapsed()}] election ${electionId} created; key ceremony done`);

    const packs = await generateDemoPacks(election, roll, out);
    const rows = memberRows(packs.packs);
    const categoryByMember = new Map(
      roll.roll.members.map((member) => [member.memberId, member.category])
    );
    const categoryOfRow = (row: MemberRow): Category =>
      categoryByMember.get(row.member_id) ?? 'north';
    // Spec §13.1.1: packs generate bound each credential to its member's category and weight in
    // the answers table; the open publishes them with the keys.
    await loadCredentialsAndOpen(officer, readAnswersFile(packs.paths.answers));
    const counts = CATEGORIES.map(
      (c) => `${c} ${rows.filter((r) => categoryOfRow(r) === c).length}`
    );
    log(
      `[${elapsed()}] ${rows.length} credentials on the board (${counts.join(', ')}); voting open`
    );
    await options.whileOpen?.({
      url: election.url,
      electionId,
      manifest,
      rows,
      categoryOf: categoryOfRow,
    });

    const setup = await loadVotingSetup(client, group, electionId);
    const intendedTotals = manifest.contests.map((c) => c.candidates.map(() => 0));
    // Per contest, the ballots and weight the declaration must report as its turnout (§9.9).
    const intendedTurnout = manifest.contests.map(() => ({ ballots: 0, weight: 0 }));
    // The last member of each category abstains (the affiliate then tries a forbidden ballot).
    const lastOf = (category: Category) =>
      [...rows].reverse().find((r) => categoryOfRow(r) === category);
    const abstainers = new Set(CATEGORIES.map(lastOf));
    const voters = rows.filter((r) => !abstainers.has(r));
    await inParallel(voters, 6, async (row, k) => {
      const category = categoryOfRow(row);
      const style = styleContestIndexes(manifest, category) ?? [];
      const choices = style.map((c) => `${manifest.contests[c]?.id}=${intended(k, c) + 1}`);
      const outcome = await castVote({
        server: client,
        electionId,
        code: row.code,
        answers: answersOf(row),
        choices,
        group,
        setup,
      });
      if (!outcome.ok) throw new Error(`pack ${row.pack_id}: vote refused (${outcome.code})`);
      for (const c of style) {
        const own = intendedTurnout[c] as { ballots: number; weight: number };
        own.ballots += 1;
        own.weight += WEIGHT[category];
        const j = intended(k, c);
        const totals = intendedTotals[c] as number[];
        totals[j] = (totals[j] ?? 0) + WEIGHT[category];
      }
    });
    log(`[${elapsed()}] ${voters.length} members voted, each on their own ballot style`);

    // An affiliate's hostile device adds the northern seat: the board must refuse it.
    const affiliate = lastOf('affiliates');
    if (affiliate === undefined) throw new Error('no abstaining affiliate');
    const forbidden = await castVote({
      server: client,
      electionId,
      code: affiliate.code,
      answers: answersOf(affiliate),
      choices: ['general=1', 'north-seat=1', 'chair-affiliates=1'],
      group,
      setup,
      forceContests: [0, 1, 3],
    });
    const refusedForbidden = forbidden.ok ? 'accepted' : forbidden.code;
    log(
      `[${elapsed()}] an affiliate's ballot that includes the northern seat: ${forbidden.ok ? 'ACCEPTED (wrong)' : `refused by the board (${forbidden.code})`}`
    );

    await closeVoting(officer);
    const tally = await election.tally();
    const { recordDir, report } = await fetchAndVerifyRecord(election, out);
    log(
      `[${elapsed()}] record verified: ${report.ok ? 'VALID' : 'INVALID'} (stage ${report.stage})`
    );
    logFailedChecks(report, log);

    const totals = tally.result.contests.map((c) => c.options.map((o) => o.total));
    const college = collegeResults(manifest, totals);
    // The declaration (spec §9.9) from the verified record: each contest's own turnout and the
    // college must be what the members did; its files go in DIR/declaration.
    const declaration = report.ok ? declareResult(manifest, readRecordEvents(recordDir)) : null;
    if (declaration !== null) {
      mkdirSync(join(out, 'declaration'), { recursive: true });
      writeDeclarationFiles(join(out, 'declaration'), declaration);
      log(formatDeclaration(declaration).trimEnd());
    }
    const declared =
      declaration !== null &&
      declaration.contests.every(
        (contest, c) =>
          contest.turnout?.online === intendedTurnout[c]?.ballots &&
          contest.weighted?.turnout === intendedTurnout[c]?.weight
      ) &&
      declaration.colleges?.[0]?.candidates.map((row) => Math.round(row.percent * 100)).join() ===
        college[0]?.options.map((option) => option.basisPoints).join();
    const matches =
      declared &&
      !forbidden.ok &&
      totals.every((row, c) => row.every((n, j) => n === intendedTotals[c]?.[j]));
    manifest.contests.forEach((contest, c) => {
      log(`${contest.title}`);
      contest.candidates.forEach((candidate, j) =>
        log(
          `  ${candidate.name.padEnd(14)} weighted ${String(totals[c]?.[j]).padStart(5)}   intended ${String(intendedTotals[c]?.[j]).padStart(5)}`
        )
      );
    });
    for (const result of college) {
      log(`${result.title} (college, 50 % members, 50 % affiliates)`);
      for (const option of result.options)
        log(
          `  ${option.candidate.padEnd(14)} ${(option.basisPoints / 100).toFixed(2).padStart(6)} %  (${option.numerator}/${option.denominator})`
        );
      log(`  leader: ${result.leaders.join(', ') || '(none)'}`);
    }
    const outcome: StylesOutcome = {
      electionId,
      verified: report.ok,
      matches,
      refusedForbidden,
      totals,
      intendedTotals,
      college,
    };
    writeFileSync(
      join(out, 'result.json'),
      `${JSON.stringify(outcome, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`
    );
    log(
      matches && report.ok
        ? `The weighted totals equal the members' intent, the forbidden ballot was refused and the record verifies (${elapsed()}).`
        : `MISMATCH or INVALID record: see above.`
    );
    return outcome;
  });
}
