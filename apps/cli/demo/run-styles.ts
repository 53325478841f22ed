/**
 * @module `npm run demo -- --scenario styles --out DIR` as a library: a ballot event with ballot
 * styles, weights and an electoral college (spec §13) through the real server and HTTP API. The
 * roll's members fall in three categories — north, south and affiliates (weight 3) — who vote in
 * a general contest, a northern seat (north only) and a chair elected by a 50/50 college of
 * members (north and south) and affiliates. Members vote online from their own style, but for one
 * of each category who votes by post: their packs are received into one tray per style and each
 * tray is keyed and posted with its style and weight (spec §13.2.1: the affiliate's paper counts
 * its weight, 3, as an online ballot would). One affiliate's
 * device also tries a ballot that includes the northern seat, and a south batch marking it is
 * posted too: the board refuses both (`ballot/contest-not-in-style`,
 * `postal/contest-not-in-style`). The record is fetched and verified, and the weighted totals and
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
import { scanReturnSlip } from './demo-postal.ts';
import { ApiError } from '../src/client/server-client.ts';
import { postKeyedBatch } from '../src/commands/postal/postal.ts';

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
  /** Spec §13.2.1: the board's answer to a south batch marking the northern seat. */
  readonly refusedPostalOutside: string;
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
    // Spec §13.2.1: postal papers per style, one tray (batch) per style.
    channels: { online: true, postal: true },
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
    // The last but one of each category votes by post (spec §13.2.1), into its style's tray.
    const byPost = CATEGORIES.flatMap((category) => {
      const own = rows.filter((r) => categoryOfRow(r) === category);
      return own.length >= 3 ? [own[own.length - 2] as MemberRow] : [];
    });
    const postalOf = new Set(byPost);
    const voters = rows.filter((r) => !abstainers.has(r) && !postalOf.has(r));
    const intendedPostal = manifest.contests.map(() => 0);
    // Spec §13.2.1 step 6: the postal papers' weight, per contest, for the weighted turnout.
    const intendedPostalWeight = manifest.contests.map(() => 0);
    for (const row of byPost) {
      const slip = scanReturnSlip(row);
      await client.call('postalReceived', {
        params: { electionId },
        token: officer.adminKey,
        body: { ...slip, batch: `tray-${categoryOfRow(row)}` },
      });
    }
    log(`[${elapsed()}] ${byPost.length} postal packs received, one tray per ballot style`);
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

    /**
     * Spec §13.2.1: after the close, a south batch marking the northern seat is refused by the
     * board; then each style's tray is keyed (one paper a postal member, their style's contests
     * only) and posted with its style and its members' weight (step 6: a paper counts it).
     * Returns the board's refusal code.
     */
    async function postStyledBatches(): Promise<string> {
      const outside = manifest.contests.map((contest, c) => ({
        counts: contest.candidates.map((_, j) => (j === 0 && c !== 3 ? 1 : 0)),
      }));
      const refused = await client
        .call('postalBatch', {
          params: { electionId },
          token: officer.adminKey,
          body: {
            batch: 'tray-south',
            style: 'south',
            weight: WEIGHT.south,
            papers: 1,
            spoilt: 0,
            contests: outside,
          },
        })
        .then(
          () => 'accepted',
          (error: unknown) => (error instanceof ApiError ? error.code : String(error))
        );
      log(`[${elapsed()}] a south batch marking the northern seat: ${refused}`);
      for (const category of CATEGORIES) {
        const tray = byPost.filter((row) => categoryOfRow(row) === category);
        if (tray.length === 0) continue;
        const style = styleContestIndexes(manifest, category) ?? [];
        const lines = tray.map((row, i) => {
          const k = rows.indexOf(row);
          for (const c of style) {
            const totals = intendedTotals[c] as number[];
            totals[intended(k, c)] = (totals[intended(k, c)] ?? 0) + WEIGHT[category];
            intendedPostal[c] = (intendedPostal[c] ?? 0) + 1;
            intendedPostalWeight[c] = (intendedPostalWeight[c] ?? 0) + WEIGHT[category];
          }
          const marks = style.map((c) => `${manifest.contests[c]?.id}=${intended(k, c) + 1}`);
          return `${i + 1},${marks.join(';')}`;
        });
        const entries = ['paper,choice', ...lines].join('\n');
        await postKeyedBatch(
          client,
          electionId,
          officer.adminKey,
          `tray-${category}`,
          { first: entries, second: entries },
          category,
          WEIGHT[category]
        );
      }
      log(`[${elapsed()}] postal batches posted, one per ballot style and weight`);
      return refused;
    }

    await closeVoting(officer);
    const refusedPostalOutside = await postStyledBatches();
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
          contest.turnout?.postal === intendedPostal[c] &&
          contest.weighted?.turnout ===
            (intendedTurnout[c]?.weight ?? 0) + (intendedPostalWeight[c] ?? 0)
      ) &&
      declaration.colleges?.[0]?.candidates.map((row) => Math.round(row.percent * 100)).join() ===
        college[0]?.options.map((option) => option.basisPoints).join();
    const matches =
      declared &&
      !forbidden.ok &&
      refusedPostalOutside === 'postal/contest-not-in-style' &&
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
      refusedPostalOutside,
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
        ? `The weighted totals equal the members' intent (online and by post, per style), the forbidden ballot and postal batch were refused and the record verifies (${elapsed()}).`
        : `MISMATCH or INVALID record: see above.`
    );
    return outcome;
  });
}
