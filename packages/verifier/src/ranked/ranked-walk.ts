/**
 * @module The ranked contests in the record walk (spec §11.8–§11.9, §12.7, verification.md V10,
 * V11): collects, as the log streams past, every cast ballot's ranked entries and the `mix`,
 * `ranked-decryption-share`, `ranked-rankings` and `ranked-result` events; at the end, once the
 * ballot policy has settled which ballots count, runs V10.2–V10.5 on each ranked contest
 * (`verifyRankedContest`), V10.6 on each mix's signature by its mix server, and V11 on its result (`checkRankedResult`), converting the mix-net's
 * 1-based rankings to the count's 0-based candidates here and nowhere else. V10.1 (each ballot's
 * ranking proof) is checked with the ballot's other proofs (ballot-equations.ts).
 */
import {
  type DecryptionCheckpoint,
  type DecryptionShare,
  type Group,
  type PackedRange,
  type Point,
  bytesToHex,
  decodeShuffleProof,
  hexToBytes,
  joinPackedRanges,
} from '@scrutineer/crypto';
import {
  type Ballot,
  type BoardEvent,
  type EventBody,
  type Manifest,
  type RankedResultBody,
  ballotContestIndexes,
  countRankingsOf,
  isRankedContest,
  joinParts,
  manifestHash,
  mixInputHashOfEncodings,
  mixSignatureProblem,
  postalRankingsOf,
} from '@scrutineer/record';
import type { WireRankedEntries } from '../ballot-runner.ts';
import type { ReportBuilder } from '../report.ts';
import { checkRankedResult } from '../checks/ranked-result.ts';
import {
  type RankedContestRecord,
  verifyRankedContest,
  verifyRankedContestWith,
} from './ranked-checks.ts';
import {
  type RankedTaskRunner,
  decodeRowsPooled,
  decodeSharesPooled,
  pooledRankedWork,
} from './ranked-pool.ts';
import { decodeRows, decodeShares } from './ranked-tasks.ts';
import { type Rows, rowCount, rowEncodings } from './rows.ts';

type Body<T extends BoardEvent['type']> = EventBody<T>;

/** What the end of the walk knows: the counted ballots, the keys, and how to find the seed. */
export interface RankedWalkEnd {
  readonly excluded: ReadonlySet<number>;
  readonly publicKey: Point;
  readonly baseHash: Uint8Array;
  readonly threshold: number;
  readonly verificationKeys: readonly Point[];
  /** Spec §12.3.1: the seed fixed before the count, or null if the record cannot fix one yet. */
  readonly seedOf: (contestId: string) => string | null;
}

interface Positioned<T> {
  readonly position: number;
  readonly body: T;
}

export class RankedWalk {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #manifestHash: string;
  readonly #report: ReportBuilder;
  /** Per manifest contest index: the ranked entries of well-formed cast ballots, in board order. */
  readonly #entries = new Map<
    number,
    { position: number; credential: string; ciphertexts: readonly string[] }[]
  >();
  /**
   * Per manifest contest index, per ballot position: that entry's α, β as the ballot workers
   * decoded them for V10.1 (a range of a batch's packing), so that the cascade's input is not
   * decoded a second time.
   */
  readonly #decoded = new Map<number, Map<number, PackedRange>>();
  readonly #mixes: Positioned<Body<'mix'>>[] = [];
  readonly #shares: Positioned<Body<'ranked-decryption-share'>>[] = [];
  readonly #rankings: Positioned<Body<'ranked-rankings'>>[] = [];
  readonly #results: Positioned<RankedResultBody>[] = [];
  /** Spec §11.8: the postal batches, in log order; their ranked papers join the count (V11). */
  readonly #postal: Body<'postal-batch'>[] = [];

  constructor(group: Group, manifest: Manifest, report: ReportBuilder) {
    this.#group = group;
    this.#manifest = manifest;
    this.#manifestHash = manifestHash(manifest);
    this.#report = report;
  }

  /** True when the manifest has a ranked contest (otherwise nothing here has anything to do). */
  get active(): boolean {
    return this.#manifest.contests.some(isRankedContest);
  }

  /** A cast ballot whose shape held (V5.1): keeps its ranked entries. */
  cast(position: number, ballot: Ballot): void {
    const indexes = ballotContestIndexes(this.#manifest, ballot);
    ballot.contests.forEach((entry, e) => {
      const c = indexes?.[e];
      if (entry.ranked === undefined || c === undefined) return;
      const list = this.#entries.get(c) ?? [];
      list.push({ position, credential: ballot.credential, ciphertexts: entry.ranked.ciphertexts });
      this.#entries.set(c, list);
    });
  }

  /** A ballot batch's decoded ranked entries (ballot-runner.ts), kept as ranges of its packing. */
  decoded(entries: WireRankedEntries): void {
    let from = 0;
    entries.positions.forEach((position, i) => {
      const contest = entries.contests[i] as number;
      const count = 2 * (entries.widths[i] as number);
      const byPosition = this.#decoded.get(contest) ?? new Map<number, PackedRange>();
      byPosition.set(position, { packed: entries.points, from, count });
      this.#decoded.set(contest, byPosition);
      from += count;
    });
  }

  /**
   * The counted entries as one packed row set of width n + 1, from the ballot workers' decoding,
   * or null when some entry was not decoded there (its ballot failed before its ranked entry, or
   * ballots were checked elsewhere): then the walk decodes the entries' hex itself.
   */
  #decodedRows(c: number, counted: readonly { position: number }[], width: number): Rows | null {
    const byPosition = this.#decoded.get(c);
    const ranges: PackedRange[] = [];
    for (const { position } of counted) {
      const range = byPosition?.get(position);
      if (range === undefined || range.count !== 2 * width) return null;
      ranges.push(range);
    }
    if (ranges.length === 0) return null;
    return { count: ranges.length, width, points: joinPackedRanges(ranges) };
  }

  observe(event: BoardEvent): void {
    const { position } = event;
    if (event.type === 'mix') this.#mixes.push({ position, body: event.body });
    else if (event.type === 'ranked-decryption-share')
      this.#shares.push({ position, body: event.body });
    else if (event.type === 'ranked-rankings') this.#rankings.push({ position, body: event.body });
    else if (event.type === 'ranked-result') this.#results.push({ position, body: event.body });
    else if (event.type === 'postal-batch') this.#postal.push(event.body);
  }

  #rankedContests(): Set<number> {
    return new Set(this.#manifest.contests.flatMap((c, i) => (isRankedContest(c) ? [i] : [])));
  }

  /**
   * A ranked event for a contest that is not ranked (or not in the manifest) fails the check of
   * its kind: a mix V10.2, a share V10.3, rankings V10.5, a result V11.1. Runs on every record.
   */
  reportStrays(): void {
    const report = this.#report;
    const ranked = this.#rankedContests();
    const stray = (
      id: 'V10.2' | 'V10.3' | 'V10.5',
      list: readonly Positioned<{ contest: number }>[]
    ) => {
      for (const { position, body } of list)
        if (!ranked.has(body.contest))
          report.fail(id, `contest ${body.contest} is not a ranked contest`, position);
    };
    stray('V10.2', this.#mixes);
    stray('V10.3', this.#shares);
    stray('V10.5', this.#rankings);
    for (const { position, body } of this.#results)
      if (!ranked.has(this.#manifest.contests.findIndex((x) => x.id === body.contestId)))
        report.fail('V11.1', `${body.contestId} is not a ranked contest`, position);
  }

  /** V10.2–V10.5 and V11 for every ranked contest; heavy work on `tasks` if given (ranked-pool.ts). */
  async finish(tasks: RankedTaskRunner | undefined, end: RankedWalkEnd): Promise<void> {
    for (const c of this.#rankedContests()) await this.#finishContest(c, end, tasks);
  }

  async #finishContest(
    c: number,
    end: RankedWalkEnd,
    tasks: RankedTaskRunner | undefined
  ): Promise<void> {
    const group = this.#group;
    const report = this.#report;
    const contest = this.#manifest.contests[c];
    if (contest === undefined) return;
    const n = contest.candidates.length;
    const mixes = this.#mixes.filter((m) => m.body.contest === c);
    const rankings = this.#rankings.filter((r) => r.body.contest === c);
    const results = this.#results.filter((r) => r.body.contestId === contest.id);
    // Nothing of the ranked phase yet (a record stopped before it): nothing to judge.
    if (mixes.length === 0 && rankings.length === 0 && results.length === 0) return;

    const counted = (this.#entries.get(c) ?? []).filter((b) => !end.excluded.has(b.position));
    // The record's hex rows decoded on the pool's threads when there is one (ranked-pool.ts).
    const decode = (rows: readonly (readonly string[])[]) =>
      tasks === undefined ? decodeRows(group, rows) : decodeRowsPooled(group, tasks, rows);
    // An undecodable entry already failed V10.1 with its ballot; it is no mixer's input.
    const inputs: Rows =
      this.#decodedRows(c, counted, n + 1) ??
      (await decode(counted.map((b) => b.ciphertexts))).rows;

    // V10.2: each mixer's parts joined; its input is its predecessor's output (by inputHash).
    // Nothing after a mixer at fault is checked: V10.3–V10.5 are then not reached.
    const holdBack = () => report.holdBack('V10.3', 'V10.4', 'V10.5');
    let mixFailed = false;
    const steps: RankedContestRecord['mixes'][number][] = [];
    let previous: Rows = inputs;
    const mixers = [...new Set(mixes.map((m) => m.body.mixer))];
    for (const mixer of mixers) {
      const parts = mixes.filter((m) => m.body.mixer === mixer);
      const at = parts[0]?.position;
      const joined = joinParts(
        parts.map((p) => p.body),
        (a, b) => a.inputHash === b.inputHash
      );
      if (!joined.ok) {
        report.fail('V10.2', `contest ${contest.id}, mixer ${mixer}: ${joined.message}`, at);
        holdBack();
        return;
      }
      // V10.6: signed by the manifest's mix server m over exactly this step (it does not hold
      // back V10.3–V10.5: the proofs still judge the result; the signature judges who mixed).
      const unsigned = mixSignatureProblem(group, this.#manifest, this.#manifestHash, joined.parts);
      report.check('V10.6', unsigned === null, () => `contest ${contest.id}, ${unsigned}`, at);
      const first = joined.parts[0];
      const expectedHash = bytesToHex(
        mixInputHashOfEncodings(c, mixer, rowEncodings(group, previous))
      );
      if (first?.inputHash !== expectedHash) {
        mixFailed = true;
        report.fail(
          'V10.2',
          `contest ${contest.id}, mixer ${mixer}: inputHash is not that of its predecessor's output`,
          at
        );
      }
      try {
        // The proof is decoded here while the pool decodes the rows (its length is the parts'
        // rows'); a row that does not decode is reported before the proof, as one at a time.
        const pending = Promise.resolve(decode(joined.parts.flatMap((p) => p.outputs)));
        pending.catch(() => undefined);
        let proof: ReturnType<typeof decodeShuffleProof> | Error;
        try {
          proof = decodeShuffleProof(
            group,
            hexToBytes(joined.parts.map((p) => p.proof).join('')),
            joined.parts.reduce((rows, p) => rows + p.outputs.length, 0),
            n + 1
          );
        } catch (error) {
          proof = error as Error;
        }
        const decoded = await pending;
        const failure = decoded.failed[0];
        if (failure !== undefined) throw new Error(failure.message);
        if (proof instanceof Error) throw proof;
        const outputs = decoded.rows;
        steps.push({ mixer, inputs: previous, outputs, proof });
        previous = outputs;
      } catch (error) {
        report.fail(
          'V10.2',
          `contest ${contest.id}, mixer ${mixer}: ${(error as Error).message}`,
          at
        );
        holdBack();
        return;
      }
    }

    const trusteeCount = end.verificationKeys.length;
    const rounds = await this.#rounds(c, rowCount(previous), (checkpoint, shares) =>
      tasks === undefined
        ? Promise.resolve(decodeShares(group, trusteeCount, checkpoint, shares))
        : decodeSharesPooled(group, tasks, trusteeCount, checkpoint, shares)
    );
    const published = rankings.at(-1)?.body.rankings ?? [];
    if (rankings.length !== 1)
      report.fail(
        'V10.5',
        `contest ${contest.id}: ${rankings.length} ranked-rankings events, not one`,
        rankings[1]?.position
      );
    const record: RankedContestRecord = {
      baseHash: end.baseHash,
      publicKey: end.publicKey,
      contest: c,
      candidates: n,
      threshold: end.threshold,
      verificationKeys: end.verificationKeys,
      ballots: [],
      mixes: steps,
      rounds: rounds.rounds,
      rankings: published,
      // V10.1 is the ballots' (checked with their other proofs); the cascade starts from them.
      firstInputs: inputs,
    };
    const results10 =
      tasks === undefined
        ? verifyRankedContest(group, record)
        : await verifyRankedContestWith(group, record, pooledRankedWork(group, tasks));
    mixFailed ||= results10.some((r) => r.id === 'V10.2' && r.status === 'failed');
    if (mixFailed) holdBack();
    for (const result of results10) {
      if (result.id === 'V10.1' || result.status === 'not-reached') continue;
      if (mixFailed && result.id !== 'V10.2') continue;
      const where = result.id === 'V10.5' ? rankings[0]?.position : mixes[0]?.position;
      for (const f of result.failures)
        report.fail(result.id, `contest ${contest.id}: ${f.message}`, where);
      if (result.failures.length === 0) report.pass(result.id);
      for (const f of result.faults)
        report.fault({
          check: 'V10.3',
          party: { trustee: f.trustee ?? 0 },
          code: 'decryption/invalid-proof',
          message: `contest ${contest.id}: ${f.message}`,
        });
    }
    if (!mixFailed)
      for (const message of rounds.problems)
        report.fail('V10.3', `contest ${contest.id}: ${message}`);

    // V11: the count re-run from the published rankings and the postal papers' (spec §11.8; the
    // count numbers candidates from 0).
    if (results.length !== 1) {
      report.fail(
        'V11.1',
        `contest ${contest.id}: ${results.length} ranked-result events, not one`
      );
      return;
    }
    const result = results[0];
    if (result === undefined) return;
    const seed = end.seedOf(contest.id);
    const findings = checkRankedResult(
      {
        contestId: contest.id,
        method: contest.method ?? 'irv',
        rules:
          contest.method === 'stv' ? ((contest.rules ?? null) as 'ers97' | 'meek' | null) : null,
        seats: contest.seats ?? 1,
        candidates: n,
        seed: seed ?? '',
      },
      countRankingsOf({ rankings: published }, postalRankingsOf(c, this.#postal)),
      result.body
    );
    for (const f of findings)
      report.fail(f.check, `contest ${contest.id}: ${f.message}`, result.position);
    for (const id of ['V11.1', 'V11.2'] as const)
      if (!findings.some((f) => f.check === id)) report.pass(id);
  }

  /**
   * Spec §11.6, §11.8: each round's parts joined per trustee and decoded (by `decode`: on the
   * pool's threads when there is one), in board order.
   */
  async #rounds(
    c: number,
    rows: number,
    decode: (
      checkpoint: DecryptionCheckpoint,
      shares: readonly string[]
    ) => Promise<DecryptionShare[]>
  ): Promise<{ rounds: RankedContestRecord['rounds']; problems: string[] }> {
    const shares = this.#shares.filter((s) => s.body.contest === c);
    const positions = [...new Set(shares.map((s) => s.body.position))];
    const rounds = await Promise.all(
      positions.map(async (position) => {
        const ofRound = shares.filter((s) => s.body.position === position);
        const trustees = [...new Set(ofRound.map((s) => s.body.trustee))];
        const submissions = await Promise.all(
          trustees.map(async (trustee) => {
            const problem = (message: string) => ({
              problem: `round ${position}, trustee ${trustee}: ${message}`,
            });
            const joined = joinParts(
              ofRound.filter((s) => s.body.trustee === trustee).map((s) => s.body),
              (a, b) =>
                a.checkpoint.size === b.checkpoint.size && a.checkpoint.root === b.checkpoint.root
            );
            if (!joined.ok) return problem(joined.message);
            const first = joined.parts[0];
            if (first === undefined) return null;
            const checkpoint = {
              size: first.checkpoint.size,
              root: hexToBytes(first.checkpoint.root),
            };
            try {
              const decoded = await decode(
                checkpoint,
                joined.parts.flatMap((p) => p.shares)
              );
              if (decoded.some((s) => s.trustee !== trustee) || decoded.length > rows)
                throw new RangeError('shares of another trustee, or more shares than rows');
              return { submission: { trustee, shares: decoded } };
            } catch (error) {
              return problem((error as Error).message);
            }
          })
        );
        return { position, submissions };
      })
    );
    const problems = rounds.flatMap((r) =>
      r.submissions.flatMap((s) => (s !== null && 'problem' in s ? [s.problem] : []))
    );
    return {
      rounds: rounds.map(({ position, submissions }) => ({
        position,
        submissions: submissions.flatMap((s) =>
          s !== null && 'submission' in s ? [s.submission] : []
        ),
      })),
      problems,
    };
  }
}
