/**
 * @module Verifies a whole record (docs/spec/verification.md) in one streaming pass: cheap checks in
 * order on this thread, ballot cryptography in batches on a {@link BallotRunner} (worker threads in
 * Node), memory bounded by the number of credentials rather than the size of the log.
 */
import {
  type Ciphertext,
  type Group,
  type Point,
  addCiphertexts,
  decodeCiphertext,
  hexToBytes,
  loadFastestGroup,
  zeroCiphertext,
} from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  RECORD_FORMAT_FILE,
  parseManifest,
} from '@scrutineer/record';
import {
  type BallotRunner,
  type BallotRunnerFactory,
  decodeAggregate,
  inlineRunnerFactory,
} from './ballot-runner.ts';
import type { BallotBatchItem } from './checks/ballot-crypto.ts';
import { BallotLedger } from './checks/ballot-ledger.ts';
import { CeremonyChecker, decodeVerificationKeys } from './checks/ceremony.ts';
import { CheckpointChecker } from './checks/checkpoints.ts';
import { checkCosignatures, readCosignatures } from './checks/cosignatures.ts';
import { DisputeChecker } from './checks/disputes.ts';
import { CredentialChecker } from './checks/credentials.ts';
import { DecryptionChecker, checkEncryptedTally } from './checks/tally.ts';
import { checkShareCheckpoint } from './checks/share-checkpoint.ts';
import { PhaseTracker } from './phase-order.ts';
import { readEvents } from './read-events.ts';
import type { RecordSource } from './record-source.ts';
import { CHECK_IDS, CHECK_STAGE } from './check-catalogue.ts';
import { ReportBuilder, STAGES, type Stage, type VerificationReport } from './report.ts';
import { checkNominations } from './checks/nominations.ts';

export interface VerifyProgress {
  readonly events: number;
  readonly ballotsVerified: number;
}

export interface VerifyOptions {
  /** Defaults to the fastest backend available: native (libdecaf addon) if built, else sodium. */
  readonly group?: Group;
  /** Where ballot batches run; defaults to this thread. */
  readonly runners?: BallotRunnerFactory;
  readonly batchSize?: number;
  /** Batches queued for the runners at once (memory bound); default 8. */
  readonly maxBatchesInFlight?: number;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

export async function verifyRecord(
  source: RecordSource,
  options: VerifyOptions = {}
): Promise<VerificationReport> {
  const group = options.group ?? (await loadFastestGroup());
  const report = new ReportBuilder();
  const batchSize = options.batchSize ?? 128;
  const maxInFlight = options.maxBatchesInFlight ?? 8;
  const format = await source.readFormat();
  // Spec §9.1: format.json is exactly these bytes (no other spacing, one final LF).
  report.check('V1.1', format === RECORD_FORMAT_FILE, () =>
    format === null
      ? 'format.json is missing'
      : 'format.json must be exactly {"format":"scrutineer-record","version":1} and one LF'
  );
  const checkpoints = await CheckpointChecker.read(source.checkpointLines(), report);
  if (!(await source.endsWithLineFeed('checkpoints.jsonl')))
    report.fail('V2.7', 'checkpoints.jsonl: record/missing-final-newline: the last line has no LF');
  const cosignatures = await readCosignatures(source.cosignatureLines(), report);
  if (!(await source.endsWithLineFeed('cosignatures.jsonl')))
    report.fail(
      'V2.8',
      'cosignatures.jsonl: record/missing-final-newline: the last line has no LF'
    );
  const phases = new PhaseTracker();

  let manifest: Manifest | null = null;
  let ceremony: CeremonyChecker | null = null;
  let credentials: CredentialChecker | null = null;
  let ledger: BallotLedger | null = null;
  let decryption: DecryptionChecker | null = null;
  let disputes: DisputeChecker | null = null;
  let keyBody: EventBody<'election-key'> | null = null;
  let baseHash: Uint8Array | null = null;
  /** The base hash of the first `election-open` (what replacement approvals sign with). */
  let openBaseHashHex: string | null = null;
  let tallyEvent: Extract<BoardEvent, { type: 'encrypted-tally' }> | null = null;
  let runner: BallotRunner | null = null;
  let aggregate: Ciphertext[][] | null = null;
  /** Position of the `election-open` from which ballots go to the runners (null before). */
  let batchedFrom: number | null = null;
  const inFlight: Promise<void>[] = [];
  let batch: BallotBatchItem[] = [];
  let events = 0;
  let ballotsVerified = 0;
  let headHash: string | null = null;
  let shareEvents = 0;

  const flush = (): void => {
    if (runner === null || batch.length === 0 || manifest === null) return;
    const items = batch;
    const m = manifest;
    batch = [];
    inFlight.push(
      runner.run(items).then((result) => {
        report.merge(result.outcome);
        const partial = decodeAggregate(group, result.aggregate);
        aggregate ??= m.contests.map((c) => c.candidates.map(() => zeroCiphertext(group)));
        const sums = aggregate;
        partial.forEach((row, c) =>
          row.forEach((ct, j) => {
            const sumRow = sums[c] as Ciphertext[];
            sumRow[j] = addCiphertexts(group, sumRow[j] as Ciphertext, ct);
          })
        );
        ballotsVerified += items.length;
        options.onProgress?.({ events, ballotsVerified });
      })
    );
  };
  /** V8.2–V8.3 over the shares collected so far (at the result, or at the end of a decrypted record). */
  const combineShares = (): void => {
    const keys: Point[] | null = keyBody === null ? null : decodeVerificationKeys(group, keyBody);
    if (decryption !== null && tallyEvent !== null && baseHash !== null && keys !== null)
      decryption.combine(tallyEvent, baseHash, keys, ledger?.countedBallots ?? 0);
  };
  let combined = false;
  const drain = async (): Promise<void> => {
    flush();
    await Promise.all(inFlight.splice(0));
  };

  for await (const { event, hash } of readEvents(
    source.boardLines(),
    report,
    (bytes) => checkpoints.addLine(bytes),
    () => source.endsWithLineFeed('board.jsonl')
  )) {
    events++;
    headHash = hash;
    checkpoints.noteEventTime(event.time);
    if (events % 10_000 === 0) options.onProgress?.({ events, ballotsVerified });
    phases.observe(event, report, manifest?.channels ?? null);
    if (event.type === 'election-setup') {
      if (manifest !== null) continue;
      const parsed = parseManifest(event.body);
      if (
        !report.check(
          'V1.2',
          parsed.ok && event.position === 0,
          () =>
            parsed.ok
              ? 'setup is not the first event'
              : `${parsed.error.code}: ${parsed.error.message}`,
          event.position
        )
      )
        continue;
      if (!parsed.ok) continue;
      manifest = parsed.value;
      ceremony = new CeremonyChecker(group, manifest, report);
      credentials = new CredentialChecker(group, manifest, report);
      ledger = new BallotLedger(manifest, report);
      decryption = new DecryptionChecker(group, manifest, report);
      disputes = new DisputeChecker(group, manifest, report);
      continue;
    }
    if (
      manifest === null ||
      ceremony === null ||
      credentials === null ||
      ledger === null ||
      decryption === null ||
      disputes === null
    ) {
      report.fail('V1.2', `${event.type} before a valid setup`, event.position);
      continue;
    }
    switch (event.type) {
      case 'trustee-commitments':
        ceremony.commitments(event);
        break;
      case 'trustee-shares':
        ceremony.shares(event);
        break;
      case 'trustee-complaint':
        ceremony.complaint(event);
        break;
      case 'election-key':
        ceremony.conclude(event);
        keyBody = event.body;
        break;
      case 'credentials':
        credentials.listed(event, ledger);
        break;
      case 'election-open':
        ledger.opened();
        if (keyBody === null) break;
        credentials.opened(event, keyBody.publicKey);
        baseHash = hexToBytes(event.body.baseHash);
        openBaseHashHex ??= event.body.baseHash;
        if (!isPoint(group, keyBody.publicKey)) {
          // No ballot can be checked against a key that is not a point; V3.5 says why.
          report.fail('V3.5', 'the election key is not a valid point', event.position);
          break;
        }
        batchedFrom ??= event.position;
        runner ??= await (options.runners ?? inlineRunnerFactory(group))({
          manifest,
          electionKeyHex: keyBody.publicKey,
          baseHashHex: event.body.baseHash,
        });
        break;
      case 'ballot-cast': {
        disputes.cast(event, hash);
        const standing = ledger.cast(event);
        if (runner === null || standing === 'malformed') break;
        const counted = standing === 'counted';
        batch.push({ kind: 'cast', position: event.position, ballot: event.body.ballot, counted });
        if (batch.length >= batchSize) {
          flush();
          // Backpressure: reading outpaces verifying, so wait for the oldest batch rather than
          // queueing the whole log in memory.
          if (inFlight.length >= maxInFlight) await inFlight.shift();
        }
        break;
      }
      case 'ballot-audited':
        ledger.audited(event);
        if (runner !== null)
          batch.push({ kind: 'audited', position: event.position, audited: event.body });
        break;
      case 'credential-replaced':
        credentials.replaced(event, ledger, openBaseHashHex);
        break;
      case 'postal-received':
        ledger.postalReceived(event);
        break;
      case 'cast-refused':
        ledger.refused(event);
        break;
      case 'receipt-dispute':
        disputes.dispute(event);
        break;
      case 'postal-batch':
        ledger.postalBatch(event);
        break;
      case 'election-close':
        ledger.closed();
        break;
      case 'encrypted-tally': {
        await drain();
        ledger.finishPostal();
        tallyEvent = event;
        // Ballots the policy set aside after they were batched as counted (last-ballot-counts).
        const from = batchedFrom;
        const supersededLater =
          from === null ? [] : [...ledger.supersededPositions].filter((p) => p > from);
        if (supersededLater.length > 0)
          aggregate = await subtractBallots(group, source, supersededLater, aggregate, manifest);
        checkEncryptedTally(
          group,
          event,
          ledger.countedBallots,
          aggregate ?? manifest.contests.map((c) => c.candidates.map(() => zeroCiphertext(group))),
          report
        );
        break;
      }
      case 'decryption-share':
        shareEvents++;
        checkShareCheckpoint(
          event,
          tallyEvent?.position ?? null,
          (size, root) => checkpoints.holds(size, root),
          report
        );
        decryption.share(event, ceremony.trusteeKeys, keyBody?.qualified ?? []);
        break;
      case 'election-result': {
        combineShares();
        combined = true;
        decryption.result(event, ledger.postalTotals);
        break;
      }
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled event ${(unreachable as BoardEvent).type}`);
      }
    }
  }
  await drain();
  await runner?.close();
  if (manifest !== null) {
    checkpoints.finish(group, manifest, phases.stage === 'final');
    checkCosignatures(
      group,
      manifest,
      cosignatures,
      (size, root) => checkpoints.holds(size, root),
      report
    );
    await checkNominations(source, manifest, report);
  } else {
    report.fail('V1.2', 'the record has no valid setup event');
  }
  let stage: Stage = phases.stage;
  if (stage === 'tallied' && manifest !== null && shareEvents >= manifest.trustees.threshold)
    stage = 'decrypted';
  // A decrypted record without its result: V8.2–V8.3 run exactly as they would at the result, so
  // no share goes unchecked (V9 needs the result and stays not reached).
  if (stage === 'decrypted' && !combined) combineShares();
  if (manifest !== null) reachByStage(report, stage, manifest.nominations !== undefined);
  return report.build(stage, events, headHash);
}

/** Verification "Reached": every check whose stage the record reached is reported, 0 items or more. */
function reachByStage(report: ReportBuilder, stage: Stage, nominations: boolean): void {
  for (const id of CHECK_IDS) {
    if (id === 'V1.3' && !nominations) continue;
    if (STAGES.indexOf(CHECK_STAGE[id]) <= STAGES.indexOf(stage)) report.reach(id);
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

/**
 * Under last-ballot-counts a ballot can be superseded after it was batched as counted: a second
 * streaming pass reads just those lines back and takes their ciphertexts out of the aggregate.
 */
async function subtractBallots(
  group: Group,
  source: RecordSource,
  positions: readonly number[],
  aggregate: Ciphertext[][] | null,
  manifest: Manifest
): Promise<Ciphertext[][]> {
  const sums =
    aggregate ?? manifest.contests.map((c) => c.candidates.map(() => zeroCiphertext(group)));
  const wanted = new Set(positions);
  for await (const line of source.boardLines()) {
    // Matched by the position the event claims, as the first pass booked it; a line that does not
    // parse, or a ballot whose ciphertexts never decoded (so never entered the sums), is skipped.
    // With broken positions (V2.2) this is best effort; it must not throw.
    let ciphertexts: Ciphertext[][];
    try {
      const event = JSON.parse(line) as {
        type?: unknown;
        position?: unknown;
        body: EventBody<'ballot-cast'>;
      };
      if (
        event.type !== 'ballot-cast' ||
        typeof event.position !== 'number' ||
        !wanted.has(event.position)
      )
        continue;
      wanted.delete(event.position);
      ciphertexts = event.body.ballot.contests.map((contest) =>
        contest.selections.map((selection) =>
          decodeCiphertext(group, hexToBytes(selection.ciphertext), { allowIdentity: false })
        )
      );
    } catch {
      continue;
    }
    ciphertexts.forEach((options, c) =>
      options.forEach((ct, j) => {
        const row = sums[c];
        const sum = row?.[j];
        if (row === undefined || sum === undefined) return;
        row[j] = {
          alpha: group.subtract(sum.alpha, ct.alpha),
          beta: group.subtract(sum.beta, ct.beta),
        };
      })
    );
  }
  return sums;
}
