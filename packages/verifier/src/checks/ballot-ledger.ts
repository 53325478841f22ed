/**
 * @module The sequential bookkeeping of voting (V4.5, V5.1–V5.3, V5.7–V5.9, V6.1–V6.5, V12.3,
 * V12.5–V12.6): who was
 * allowed to vote, who voted by which channel, which ballots count. Cheap checks only: the
 * expensive cryptographic ones run in parallel later (ballot-crypto.ts) on the ballots this ledger
 * says to count.
 */
import {
  type BoardEvent,
  type CiphertextsOfEntry,
  type CredentialTerms,
  type EventBody,
  type Manifest,
  ballotContestIndexes,
  checkBallotShape,
  styleRefusal,
  computeTracker,
  entryCiphertexts,
  isRankedContest,
  opensPostalReturn,
  papersBeyondReturns,
  postalBatchContests,
  postalCountsLength,
  postalRankingsProblem,
  postalStyleProblem,
  postalBatchWeight,
  postalClassKey,
  postalWeightProblem,
} from '@scrutineer/record';
import { hexToBytes } from '@scrutineer/crypto';
import type { ReportBuilder } from '../report.ts';

type Event<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>;

/**
 * Credentials are keyed by their whole encoding. A prefix would be forgeable: postal returns,
 * refusals and replacements carry no signature, so a key sharing a listed key's first bytes would
 * pass for it (found by the mutation test).
 */
const key = (hex: string): string => hex;

export class BallotLedger {
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  /** Credential key → active? */
  readonly #credentials = new Map<string, boolean>();
  /** Credential → position of its ballot that currently counts. */
  readonly #onlineBallot = new Map<string, number>();
  readonly #postal = new Set<string>();
  /** Credential → its postal return commitment (spec §9.5), when the postal channel is on. */
  readonly #returns = new Map<string, string>();
  /** Credential → its style and weight (spec §13.1, §13.4), when the manifest has either. */
  readonly #terms = new Map<string, CredentialTerms>();
  /** Counted-when-cast ballot position → its contests and weight (spec §13.6), ditto. */
  readonly #countedTerms = new Map<number, { contests: number[]; weight: number }>();
  readonly #ciphertexts = new Set<string>();
  readonly #trackers = new Set<string>();
  /** Positions of `ballot-cast` events that do not count (superseded, or broken shape). */
  readonly excludedPositions = new Set<number>();
  /** Of those, the ballots that counted when cast and were replaced by a later one. */
  readonly supersededPositions = new Set<number>();
  #ballotCount = 0;
  #replacements = 0;
  #postalPapers = 0;
  /** Batch ids seen (V10.7: a batch's ranked papers are counted once). */
  readonly #batchIds = new Set<string>();
  /** `postal-received` events seen (V6.4 compares the papers with these, duplicates included). */
  #postalReceived = 0;
  /** Spec §13.2.1 (V12.6): per style, the `postal-received` events of its credentials … */
  readonly #receivedPerStyle = new Map<string, number>();
  /** … and the papers of its batches. */
  readonly #papersPerStyle = new Map<string, number>();
  /** Spec §13.2.1 (V12.5): each batch id's style, for the audit's hand counts of it. */
  readonly #batchStyles = new Map<string, string | undefined>();
  /** Spec §13.2.1 step 6 (V12.7): per (style, weight) class, the returns of its credentials … */
  readonly #receivedPerClass = new Map<string, number>();
  /** … and the papers of its batches; and each batch id's weight, for the audit's hand counts. */
  readonly #papersPerClass = new Map<string, number>();
  readonly #batchWeights = new Map<string, number | undefined>();
  /** Where the log stands between `election-open` and `election-close` (V5.8). */
  #phase: 'before-open' | 'open' | 'closed' = 'before-open';
  /** Per contest, per option: sum of postal batch counts (V9.2). */
  readonly postalTotals: number[][];

  constructor(manifest: Manifest, report: ReportBuilder) {
    this.#manifest = manifest;
    this.#report = report;
    this.postalTotals = manifest.contests.map((c) => c.candidates.map(() => 0));
  }

  /**
   * Adds an initially published credential (checked for validity and duplicates elsewhere) with
   * its postal return commitment, if it has one (V6.5 checks that it has one when it must).
   */
  addListedCredential(keyHex: string, returnCommitment?: string, terms?: CredentialTerms): boolean {
    const k = key(keyHex);
    if (this.#credentials.has(k)) return false;
    this.#credentials.set(k, true);
    if (returnCommitment !== undefined) this.#returns.set(k, returnCommitment);
    if (terms !== undefined) this.#terms.set(k, terms);
    return true;
  }

  /** Spec §13.4: the weight of a credential's ballots (1 without weights). */
  weightOf(credential: string): number {
    return this.#terms.get(key(credential))?.weight ?? 1;
  }

  /** Spec §13.6: the contests and weight of a counted-when-cast ballot, for a later subtraction. */
  countedTermsAt(position: number): { contests: number[]; weight: number } | undefined {
    return this.#countedTerms.get(position);
  }

  /**
   * Spec §13.6 (V12.4): per contest, the counted ballots that include it and their total weight,
   * and the total weight of all counted ballots.
   */
  countedPerContest(): { ballots: number[]; weights: number[]; weight: number } {
    const ballots = this.#manifest.contests.map(() => 0);
    const weights = this.#manifest.contests.map(() => 0);
    let weight = 0;
    for (const [position, terms] of this.#countedTerms) {
      if (this.excludedPositions.has(position)) continue;
      weight += terms.weight;
      for (const c of terms.contests) {
        ballots[c] = (ballots[c] ?? 0) + 1;
        weights[c] = (weights[c] ?? 0) + terms.weight;
      }
    }
    return { ballots, weights, weight };
  }

  /** Number of online ballots that count (V7.1). */
  get countedBallots(): number {
    return this.#ballotCount - this.excludedPositions.size;
  }

  get activeCredentials(): number {
    let n = 0;
    for (const active of this.#credentials.values()) if (active) n++;
    return n;
  }

  get replacements(): number {
    return this.#replacements;
  }

  replaced(event: Event<'credential-replaced'>): void {
    const { revoked, replacement } = event.body;
    const ok =
      this.#credentials.get(key(revoked)) === true &&
      !this.#credentials.has(key(replacement)) &&
      !this.#onlineBallot.has(key(revoked)) &&
      !this.#postal.has(key(revoked));
    this.#report.check(
      'V4.5',
      ok,
      () => 'replacement must revoke an active, unused credential and add a new key',
      event.position
    );
    this.#report.check(
      'V4.2',
      !this.#credentials.has(key(replacement)),
      () => 'replacement key already listed',
      event.position
    );
    this.#credentials.set(key(revoked), false);
    this.#credentials.set(key(replacement), true);
    // Spec §13.1, §13.4: the replacement inherits the revoked credential's style and weight.
    const inherited = this.#terms.get(key(revoked));
    if (inherited !== undefined && !this.#terms.has(key(replacement)))
      this.#terms.set(key(replacement), inherited);
    if (event.body.return !== undefined) this.#returns.set(key(replacement), event.body.return);
    this.#replacements++;
  }

  /** The log reached `election-open`. */
  opened(): void {
    if (this.#phase === 'before-open') this.#phase = 'open';
  }

  /** The log reached `election-close`. */
  closed(): void {
    this.#phase = 'closed';
  }

  /**
   * Books a cast ballot: `counted` if it counts so far, `not-counted` if the policy sets it aside
   * (its cryptography is still checked), `malformed` if its shape is wrong (nothing more to check).
   */
  cast(event: Event<'ballot-cast'>): 'counted' | 'not-counted' | 'malformed' {
    const { ballot, tracker } = event.body;
    const position = event.position;
    const report = this.#report;
    this.#ballotCount++;
    const shape = checkBallotShape(this.#manifest, ballot);
    if (
      !report.check('V5.1', shape === null, () => `${shape?.code}: ${shape?.message}`, position)
    ) {
      this.excludedPositions.add(position);
      return 'malformed';
    }
    const credential = key(ballot.credential);
    report.check(
      'V5.2',
      this.#credentials.get(credential) === true,
      () => 'credential not listed or revoked',
      position
    );
    report.check(
      'V5.3',
      computeTracker(ballot) === tracker,
      () => 'tracker does not match the ciphertexts',
      position
    );
    this.#checkFresh(ballot.contests, tracker, position);
    const { opens, closes } = this.#manifest.window;
    // Spec V5.8: between the open and close events of the log, and inside the window by board time.
    const phase = this.#phase;
    report.check(
      'V5.8',
      phase === 'open' && event.time >= opens && event.time < closes,
      () =>
        phase !== 'open'
          ? `cast ${phase === 'closed' ? 'after election-close' : 'before election-open'}`
          : `cast at ${event.time}, outside ${opens}–${closes}`,
      position
    );
    // Spec §13.2 (V12.3): exactly the contests of the credential's style; otherwise not counted.
    if (this.#manifest.styles !== undefined) {
      const terms = this.#terms.get(credential);
      const refusal =
        terms === undefined
          ? { code: 'record/contest-not-in-style', message: 'the credential has no style' }
          : styleRefusal(this.#manifest, terms, ballot);
      if (
        !report.check(
          'V12.3',
          refusal === null,
          () => `${refusal?.code}: ${refusal?.message}`,
          position
        )
      ) {
        this.excludedPositions.add(position);
        return 'not-counted';
      }
    }
    const standing = this.#standing(credential, position);
    if (standing === 'counted' && (this.#manifest.styles ?? this.#manifest.weights) !== undefined)
      this.#countedTerms.set(position, {
        contests: ballotContestIndexes(this.#manifest, ballot) ?? [],
        weight: this.weightOf(credential),
      });
    return standing;
  }

  /** V6.2, V5.9: whether a well-formed ballot of an allowed style counts under the policy. */
  #standing(credential: string, position: number): 'counted' | 'not-counted' {
    const report = this.#report;
    const byPost = this.#postal.has(credential);
    report.check(
      'V6.2',
      !byPost,
      () => 'ballot for a credential already received by post',
      position
    );
    const earlier = this.#onlineBallot.get(credential);
    if (byPost) {
      // Spec §9.7: a credential received by post has no counted online ballot, under either policy.
      // The ballot's place in the policy is still checked (V5.9) and its cryptography too.
      report.check(
        'V5.9',
        earlier === undefined || this.#manifest.policy === 'last-ballot-counts',
        () => `second ballot for a credential under first-ballot-final (first at ${earlier})`,
        position
      );
      this.#onlineBallot.set(credential, position);
      this.excludedPositions.add(position);
      return 'not-counted';
    }
    if (earlier === undefined) {
      report.pass('V5.9');
      this.#onlineBallot.set(credential, position);
      return 'counted';
    }
    if (this.#manifest.policy === 'last-ballot-counts') {
      report.pass('V5.9');
      this.excludedPositions.add(earlier);
      this.supersededPositions.add(earlier);
      this.#onlineBallot.set(credential, position);
      return 'counted';
    }
    report.fail(
      'V5.9',
      `second ballot for a credential under first-ballot-final (first at ${earlier})`,
      position
    );
    this.excludedPositions.add(position);
    return 'not-counted';
  }

  audited(event: Event<'ballot-audited'>): void {
    const shape = checkBallotShape(this.#manifest, event.body);
    this.#report.check(
      'V5.1',
      shape === null,
      () => `${shape?.code}: ${shape?.message}`,
      event.position
    );
    if (shape === null) this.#checkFresh(event.body.contests, event.body.tracker, event.position);
  }

  /** V5.7: no ciphertext and no tracker is ever seen twice (cast or audited). */
  #checkFresh(contests: readonly CiphertextsOfEntry[], tracker: string, position: number): void {
    const trackerKey = compactKey(tracker);
    let fresh = !this.#trackers.has(trackerKey);
    this.#trackers.add(trackerKey);
    for (const contest of contests) {
      for (const ciphertext of entryCiphertexts(contest)) {
        // α alone identifies a ciphertext: reusing β with a fresh α is not a copy.
        const alpha = compactKey(ciphertext.slice(0, 64));
        if (this.#ciphertexts.has(alpha)) fresh = false;
        this.#ciphertexts.add(alpha);
      }
    }
    this.#report.check(
      'V5.7',
      fresh,
      () => 'a ciphertext or tracker of this ballot appeared before',
      position
    );
  }

  postalReceived(event: Event<'postal-received'>): void {
    const credential = key(event.body.credential);
    this.#report.check(
      'V6.1',
      this.#credentials.get(credential) === true && !this.#postal.has(credential),
      () => 'postal credential not active or already received',
      event.position
    );
    const online = this.#onlineBallot.get(credential);
    this.#report.check(
      'V6.2',
      online === undefined,
      () => 'postal return for a credential that voted online',
      event.position
    );
    // Spec §9.7: the paper counts, so the online ballot counted so far no longer does (the ones it
    // superseded never did). Under either policy; the record is invalid (V6.2) all the same.
    if (
      online !== undefined &&
      !this.#postal.has(credential) &&
      !this.excludedPositions.has(online)
    ) {
      this.excludedPositions.add(online);
      this.supersededPositions.add(online);
    }
    // Spec §9.5: only the holder of the pack's return slip knows the secret behind the commitment.
    // A credential never issued is V6.1's fault, a return with no postal channel V2.5's.
    const commitment = this.#returns.get(credential);
    if (this.#credentials.has(credential) && this.#manifest.channels.postal)
      this.#report.check(
        'V6.5',
        commitment !== undefined &&
          opensPostalReturn(commitment, event.body.credential, event.body.returnSecret),
        () =>
          commitment === undefined
            ? 'postal return for a credential with no return commitment'
            : 'return secret does not open the credential’s return commitment',
        event.position
      );
    this.#postal.add(credential);
    this.#postalReceived++;
    const style = this.#terms.get(credential)?.style;
    if (style !== undefined)
      this.#receivedPerStyle.set(style, (this.#receivedPerStyle.get(style) ?? 0) + 1);
    if (this.#manifest.weights !== undefined) {
      const terms = this.#terms.get(credential);
      const k = postalClassKey(terms?.style, terms?.weight);
      this.#receivedPerClass.set(k, (this.#receivedPerClass.get(k) ?? 0) + 1);
    }
  }

  refused(event: Event<'cast-refused'>): void {
    const { credential, reason } = event.body;
    const k = key(credential);
    const justified =
      reason === 'already-voted-online'
        ? this.#onlineBallot.has(k)
        : reason === 'already-voted-by-post'
          ? this.#postal.has(k)
          : this.#credentials.get(k) === false;
    this.#report.check(
      'V6.2',
      justified,
      () => `refusal "${reason}" is not borne out by the record`,
      event.position
    );
  }

  postalBatch(event: Event<'postal-batch'>): void {
    const body: EventBody<'postal-batch'> = event.body;
    const valid = body.papers - body.spoilt;
    let ok = body.spoilt <= body.papers && body.contests.length === this.#manifest.contests.length;
    // Spec §13.2.1: a contest outside the batch's style has no lower bound (its counts are 0, V12.5).
    const inStyle = postalBatchContests(this.#manifest, body.style);
    this.#manifest.contests.forEach((contest, c) => {
      const counts = body.contests[c]?.counts ?? [];
      // A ranked contest's entry has no counts (spec §11.8): its rankings are V10.7's.
      if (counts.length !== postalCountsLength(contest)) {
        ok = false;
        return;
      }
      const sum = counts.reduce((a, b) => a + b, 0);
      const min = inStyle.includes(c) ? contest.minSelections : 0;
      if (sum < min * valid || sum > contest.maxSelections * valid) ok = false;
      if (counts.some((n) => n > valid)) ok = false;
      // Spec §13.2.1 step 6: a paper counts its batch's weight in the result (V9.2).
      counts.forEach((n, j) => {
        const row = this.postalTotals[c];
        if (row !== undefined) row[j] = (row[j] ?? 0) + n * postalBatchWeight(body);
      });
    });
    this.#report.check(
      'V6.3',
      ok,
      () => `batch ${body.batch}: counts do not fit ${body.papers} papers, ${body.spoilt} spoilt`,
      event.position
    );
    this.#postalPapers += body.papers;
    this.#postalRankings(event);
    this.#checkPostalStyle(body, event.position);
    this.#batchStyles.set(body.batch, body.style);
    if (body.style !== undefined)
      this.#papersPerStyle.set(
        body.style,
        (this.#papersPerStyle.get(body.style) ?? 0) + body.papers
      );
    this.#checkPostalWeight(body, event.position);
    this.#batchWeights.set(body.batch, body.weight);
    if (this.#manifest.weights !== undefined) {
      const k = postalClassKey(body.style, body.weight);
      this.#papersPerClass.set(k, (this.#papersPerClass.get(k) ?? 0) + body.papers);
    }
  }

  /**
   * Spec §13.2.1 step 5 (V12.5): an audit's hand count carries its batch's style and fits it as
   * the batch must (a count of a batch never posted is V6.7's fault).
   */
  postalAuditCount(event: Event<'postal-audit-count'>): void {
    const { body } = event;
    if (this.#batchStyles.has(body.batch) && this.#batchStyles.get(body.batch) !== body.style)
      this.#report.fail(
        'V12.5',
        `hand count of batch ${body.batch}: style ${body.style ?? '(none)'}, the batch's is ${this.#batchStyles.get(body.batch) ?? '(none)'}`,
        event.position
      );
    else this.#checkPostalStyle(body, event.position);
    if (this.#batchWeights.has(body.batch) && this.#batchWeights.get(body.batch) !== body.weight)
      this.#report.fail(
        'V12.7',
        `hand count of batch ${body.batch}: weight ${body.weight ?? '(none)'}, the batch's is ${this.#batchWeights.get(body.batch) ?? '(none)'}`,
        event.position
      );
    else this.#checkPostalWeight(body, event.position);
  }

  /** V12.7 (spec §13.2.1 step 6): a weight exactly with weights, and not above the maximum. */
  #checkPostalWeight(body: EventBody<'postal-batch'>, position: number): void {
    const problem = postalWeightProblem(this.#manifest, body);
    this.#report.check(
      'V12.7',
      problem === null,
      () => `batch ${body.batch}: ${problem?.code}: ${problem?.message}`,
      position
    );
  }

  /** V12.5: a style exactly with styles, a known one, and no mark outside it. */
  #checkPostalStyle(body: EventBody<'postal-batch'>, position: number): void {
    const problem = postalStyleProblem(this.#manifest, body);
    this.#report.check(
      'V12.5',
      problem === null,
      () => `batch ${body.batch}: ${problem?.code}: ${problem?.message}`,
      position
    );
  }

  /**
   * V10.7 (spec §11.8 "Postal papers"): a ranked contest's entry carries one well-formed ranking
   * per valid paper, a homomorphic contest's none, and no batch id comes twice (a batch's
   * rankings would otherwise be counted twice). Checked for every batch of an election with a
   * ranked contest.
   */
  #postalRankings(event: Event<'postal-batch'>): void {
    const { body } = event;
    if (!this.#manifest.contests.some(isRankedContest)) return;
    const problem = this.#batchIds.has(body.batch)
      ? 'counted twice: its papers would be counted again'
      : postalRankingsProblem(this.#manifest.contests, body);
    this.#batchIds.add(body.batch);
    this.#report.check(
      'V10.7',
      problem === null,
      () => `batch ${body.batch}: ${problem ?? ''}`,
      event.position
    );
  }

  /** V6.4, once the postal channel can no longer change (at the tally or at the end). */
  finishPostal(): void {
    this.#report.check(
      'V6.4',
      this.#postalPapers === this.#postalReceived,
      () =>
        `${this.#postalPapers} postal papers counted, ${this.#postalReceived} postal returns received`
    );
    // Spec §13.2.1 step 3 (V12.6): per style, no more papers than returns of that style.
    const beyond = papersBeyondReturns(this.#papersPerStyle, this.#receivedPerStyle);
    this.#report.check('V12.6', beyond.length === 0, () =>
      beyond
        .map((s) => `style ${s.style}: ${s.papers} postal papers, ${s.received} returns received`)
        .join('; ')
    );
    // Spec §13.2.1 step 6 (V12.7): per (style, weight), no more papers than returns of that class.
    if (this.#manifest.weights === undefined) return;
    const beyondClass = papersBeyondReturns(this.#papersPerClass, this.#receivedPerClass);
    this.#report.check('V12.7', beyondClass.length === 0, () =>
      beyondClass
        .map((s) => {
          const [style, weight] = s.style.split('/');
          return `${style === '' ? '' : `style ${style}, `}weight ${weight}: ${s.papers} postal papers, ${s.received} returns received`;
        })
        .join('; ')
    );
  }
}

/**
 * 64 hex digits as a flat 32-character key, anything else as itself (the lengths differ, so the
 * two kinds never collide). V5.7 keeps a key per tracker and per α of the whole election: half
 * the memory of the hex, and unlike a slice it does not keep the ballot's longer string alive.
 */
function compactKey(hex: string): string {
  if (hex.length !== 64) return hex;
  try {
    return String.fromCharCode(...hexToBytes(hex));
  } catch {
    return hex; // not hex: the shape checks report it; freshness still compares it exactly
  }
}
