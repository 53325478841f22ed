/**
 * @module The checks of one election in the streaming pass, from its valid setup event (V1.2) to
 * the end of the board: each board event goes to the checker of its part of the spec (ceremony
 * V3, credentials V4, ballots V5–V7, tally and decryption V8, result V9), and what a later event
 * is checked against (the election key, the base hash, the encrypted tally) is kept here.
 */
import { type Group, type Point, hexToBytes } from '@scrutineer/crypto';
import {
  boothFieldProblems,
  type BoardEvent,
  type EventBody,
  type Manifest,
  checkRehearsalShare,
  manifestHash,
  parseManifest,
} from '@scrutineer/record';
import { countSeed } from '@scrutineer/ranked-count';
import { RankedWalk } from './ranked/ranked-walk.ts';
import { inlineRunnerFactory, type BallotRunnerFactory } from './ballot-runner.ts';
import { BallotBatches, type BatchLimits } from './ballot-batches.ts';
import { BallotLedger } from './checks/ballot-ledger.ts';
import { CeremonyChecker, decodeVerificationKeys } from './checks/ceremony.ts';
import type { CheckpointChecker } from './checks/checkpoints.ts';
import { CredentialChecker } from './checks/credentials.ts';
import { DecryptionChecker, checkEncryptedTally, checkTallyTerms } from './checks/tally.ts';
import { PostalAuditChecker } from './checks/postal-audit.ts';
import { DisputeChecker } from './checks/disputes.ts';
import { checkShareCheckpoint } from './checks/share-checkpoint.ts';
import type { RecordSource } from './record-source.ts';
import type { ReportBuilder } from './report.ts';

/** What the election's checks read besides the events. */
export interface ElectionInputs {
  readonly group: Group;
  readonly source: RecordSource;
  readonly report: ReportBuilder;
  readonly checkpoints: CheckpointChecker;
  /** Where ballot batches run; defaults to this thread. */
  readonly runners: BallotRunnerFactory | undefined;
  readonly limits: BatchLimits;
  readonly onVerified: (ballotsVerified: number) => void;
}

/**
 * V1.2: the election a setup event starts, or null (reported) if the event is not a valid first
 * event. Only the first valid setup counts; the caller ignores later ones.
 */
export function startElection(
  inputs: ElectionInputs,
  event: Extract<BoardEvent, { type: 'election-setup' }>
): ElectionChecks | null {
  const parsed = parseManifest(event.body);
  const valid = inputs.report.check(
    'V1.2',
    parsed.ok && event.position === 0,
    () =>
      parsed.ok ? 'setup is not the first event' : `${parsed.error.code}: ${parsed.error.message}`,
    event.position
  );
  if (!valid || !parsed.ok) return null;
  // Spec §10.7.2: the booth digests are well-formed (the schema leaves their form to this check).
  const booth = parsed.value.booth;
  if (booth !== undefined) {
    const problems = boothFieldProblems(booth);
    inputs.report.check('V1.10', problems.length === 0, () => problems.join('; '), event.position);
  }
  return new ElectionChecks(inputs, parsed.value);
}

export class ElectionChecks {
  readonly manifest: Manifest;
  readonly #inputs: ElectionInputs;
  readonly #ceremony: CeremonyChecker;
  readonly #credentials: CredentialChecker;
  readonly #ledger: BallotLedger;
  readonly #decryption: DecryptionChecker;
  readonly #postalAudit: PostalAuditChecker;
  readonly #disputes: DisputeChecker;
  readonly #batches: BallotBatches;
  readonly #ranked: RankedWalk;
  /** Position of the first `election-close` (spec §12.3.1: the count's seed follows it). */
  #closePosition: number | null = null;
  #key: EventBody<'election-key'> | null = null;
  #baseHash: Uint8Array | null = null;
  /** The base hash of the first `election-open` (what replacement approvals sign with). */
  #openBaseHashHex: string | null = null;
  #tally: Extract<BoardEvent, { type: 'encrypted-tally' }> | null = null;
  #shareEvents = 0;
  #combined = false;
  /** Trustees who posted a rehearsal share (V3.7: one each). */
  readonly #rehearsed = new Set<number>();
  /** The first `election-cancelled` (spec §9.6.2), if any. */
  cancellation: { readonly reason: string; readonly position: number } | null = null;

  constructor(inputs: ElectionInputs, manifest: Manifest) {
    const { group, report } = inputs;
    this.#inputs = inputs;
    this.manifest = manifest;
    this.#ceremony = new CeremonyChecker(group, manifest, report);
    this.#credentials = new CredentialChecker(group, manifest, report);
    this.#ledger = new BallotLedger(manifest, report);
    this.#decryption = new DecryptionChecker(group, manifest, report);
    this.#postalAudit = new PostalAuditChecker(manifest, report);
    this.#disputes = new DisputeChecker(group, manifest, report);
    this.#ranked = new RankedWalk(group, manifest, report);
    this.#batches = new BallotBatches(
      group,
      manifest,
      report,
      inputs.limits,
      inputs.onVerified,
      (entries) => this.#ranked.decoded(entries)
    );
  }

  /**
   * V10.2–V10.5 and V11 for the ranked contests (spec §11.9, §12.7), once the log has been read:
   * only then are the counted ballots known. The seed of each count is §12.3.1's. Runs before
   * {@link close}, so that the shuffles and share rounds go to the ballot runner's threads.
   */
  async finishRanked(): Promise<void> {
    this.#ranked.reportStrays();
    const key = this.#key;
    const baseHash = this.#baseHash;
    if (!this.#ranked.active || key === null || baseHash === null) return;
    const { group, checkpoints } = this.#inputs;
    let publicKey: Point;
    try {
      publicKey = group.decodePoint(hexToBytes(key.publicKey));
    } catch {
      return; // V3.5 has failed; nothing was encrypted to a key.
    }
    const verificationKeys = decodeVerificationKeys(group, key);
    if (verificationKeys === null) return; // V3.6 has failed.
    const hash = manifestHash(this.manifest);
    const close = this.#closePosition;
    const root = close === null ? null : checkpoints.firstRootCovering(close);
    await this.#ranked.finish(this.#batches.rankedTasks, {
      excluded: this.#ledger.excludedPositions,
      publicKey,
      baseHash,
      threshold: this.manifest.trustees.threshold,
      verificationKeys,
      seedOf: (contestId) => (root === null ? null : countSeed(hash, root, contestId)),
    });
  }

  get ballotsVerified(): number {
    return this.#batches.verified;
  }

  /** How many `decryption-share` events the board holds (a tallied record with k is decrypted). */
  get shareEvents(): number {
    return this.#shareEvents;
  }

  /** Checks one event after the setup; `hash` is its event hash (the postal audit's seed uses it). */
  async observe(event: BoardEvent, hash: string): Promise<void> {
    switch (event.type) {
      case 'election-setup':
        return;
      case 'trustee-commitments':
        return this.#ceremony.commitments(event);
      case 'trustee-shares':
        return this.#ceremony.shares(event);
      case 'trustee-complaint':
        return this.#ceremony.complaint(event);
      case 'election-key':
        this.#ceremony.conclude(event);
        this.#key = event.body;
        return;
      case 'credentials':
        return this.#credentials.listed(event, this.#ledger);
      case 'election-open':
        return this.#opened(event);
      case 'ballot-cast':
        this.#disputes.cast(event, hash);
        return this.#cast(event);
      case 'receipt-dispute':
        return this.#disputes.dispute(event);
      case 'ballot-audited':
        this.#ledger.audited(event);
        this.#batches.add({ kind: 'audited', position: event.position, audited: event.body });
        return;
      case 'credential-replaced':
        return this.#credentials.replaced(event, this.#ledger, this.#openBaseHashHex);
      case 'postal-received':
        return this.#ledger.postalReceived(event);
      case 'cast-refused':
        return this.#ledger.refused(event);
      case 'postal-batch':
        this.#ledger.postalBatch(event);
        this.#ranked.observe(event);
        return this.#postalAudit.observe(event, hash);
      case 'postal-audit-count':
        this.#ledger.postalAuditCount(event);
        return this.#postalAudit.observe(event, hash);
      case 'postal-audit-commit':
      case 'postal-audit-start':
      case 'postal-audit-reveal':
      case 'postal-audit-sample':
      case 'postal-audit-end':
        return this.#postalAudit.observe(event, hash);
      case 'election-close':
        this.#closePosition ??= event.position;
        return this.#ledger.closed();
      case 'encrypted-tally':
        return this.#tallied(event);
      case 'decryption-share':
        return this.#share(event);
      case 'election-result':
        this.#combineShares();
        this.#decryption.result(event, this.#postalAudit.postalTotals(this.#ledger.postalTotals));
        return;
      case 'rehearsal-share':
        return this.#rehearsal(event);
      case 'mix':
      case 'ranked-decryption-share':
      case 'ranked-rankings':
      case 'ranked-result':
        // Spec §11.8–§11.9, §12.7: judged at the end, once the policy has fixed the counted ballots.
        return this.#ranked.observe(event);
      case 'election-cancelled':
        this.cancellation ??= { reason: event.body.reason, position: event.position };
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled event ${(unreachable as BoardEvent).type}`);
      }
    }
  }

  /** Waits for the last ballot batches and stops the runner. */
  close(): Promise<void> {
    return this.#batches.close();
  }

  /**
   * V8.2–V8.3 for a decrypted record without its result, exactly as they would run at the
   * result, so that no share goes unchecked (V9 needs the result and stays not reached).
   */
  combineUnlessDone(): void {
    if (!this.#combined) this.#combineShares();
  }

  async #opened(event: Extract<BoardEvent, { type: 'election-open' }>): Promise<void> {
    const { group, report } = this.#inputs;
    this.#ledger.opened();
    const key = this.#key;
    if (key === null) return;
    this.#credentials.opened(event, key.publicKey);
    this.#baseHash = hexToBytes(event.body.baseHash);
    this.#openBaseHashHex ??= event.body.baseHash;
    if (!isPoint(group, key.publicKey)) {
      // No ballot can be checked against a key that is not a point; V3.5 says why.
      report.fail('V3.5', 'the election key is not a valid point', event.position);
      return;
    }
    const context = {
      manifest: this.manifest,
      electionKeyHex: key.publicKey,
      baseHashHex: event.body.baseHash,
    };
    await this.#batches.start(
      this.#inputs.runners ?? inlineRunnerFactory(group),
      context,
      event.position
    );
  }

  async #cast(event: Extract<BoardEvent, { type: 'ballot-cast' }>): Promise<void> {
    const standing = this.#ledger.cast(event);
    if (standing === 'malformed') return;
    this.#ranked.cast(event.position, event.body.ballot);
    const counted = standing === 'counted';
    this.#batches.add({
      kind: 'cast',
      position: event.position,
      ballot: event.body.ballot,
      counted,
      weight: this.#ledger.weightOf(event.body.ballot.credential),
    });
    await this.#batches.flushIfFull();
  }

  /** V3.7: one rehearsal share per trustee, after the key, whose proof holds (spec §8.10). */
  #rehearsal(event: Extract<BoardEvent, { type: 'rehearsal-share' }>): void {
    const { trustee } = event.body;
    const fault =
      this.#key === null
        ? { message: 'a rehearsal share before the election key' }
        : this.#rehearsed.has(trustee)
          ? { message: `a second rehearsal share from trustee ${trustee}` }
          : checkRehearsalShare(this.#inputs.group, this.manifest, this.#key, event.body);
    this.#rehearsed.add(trustee);
    this.#inputs.report.check('V3.7', fault === null, () => fault?.message ?? '', event.position);
  }

  /** V8.1: the encrypted tally is the sum of the counted ballots, once every batch is back. */
  async #tallied(event: Extract<BoardEvent, { type: 'encrypted-tally' }>): Promise<void> {
    const { group, source, report } = this.#inputs;
    await this.#batches.drain();
    this.#ledger.finishPostal();
    this.#postalAudit.tallied(event.position);
    this.#tally = event;
    // Ballots the policy set aside after they were batched as counted (last-ballot-counts).
    const from = this.#batches.batchedFrom;
    const supersededLater =
      from === null ? [] : [...this.#ledger.supersededPositions].filter((p) => p > from);
    if (supersededLater.length > 0)
      await this.#batches.subtract(source, supersededLater, (p) => this.#ledger.countedTermsAt(p));
    checkEncryptedTally(group, event, this.#ledger.countedBallots, this.#batches.aggregate, report);
    checkTallyTerms(this.manifest, event, this.#ledger.countedPerContest(), report);
  }

  #share(event: Extract<BoardEvent, { type: 'decryption-share' }>): void {
    const { checkpoints, report } = this.#inputs;
    this.#shareEvents++;
    checkShareCheckpoint(
      event,
      this.#tally?.position ?? null,
      (size, root) => checkpoints.holds(size, root),
      report
    );
    this.#decryption.share(event, this.#ceremony.trusteeKeys, this.#key?.qualified ?? []);
  }

  /** V8.2–V8.3 over the shares collected so far (at the result, or at the end of a decrypted record). */
  #combineShares(): void {
    this.#combined = true;
    const key = this.#key;
    const keys: Point[] | null =
      key === null ? null : decodeVerificationKeys(this.#inputs.group, key);
    if (this.#tally !== null && this.#baseHash !== null && keys !== null)
      this.#decryption.combine(
        this.#tally,
        this.#baseHash,
        keys,
        this.manifest.weights === undefined
          ? this.#ledger.countedBallots
          : this.#ledger.countedPerContest().weight
      );
  }
}

function isPoint(group: Group, hex: string): boolean {
  try {
    group.decodePoint(hexToBytes(hex));
    return true;
  } catch {
    return false;
  }
}
