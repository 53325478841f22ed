/**
 * @module Verifies a whole record (docs/spec/verification.md) in one streaming pass: cheap checks
 * in order on this thread, ballot cryptography in batches on a ballot runner (ballot-runner.ts;
 * worker threads in Node), memory bounded by the number of credentials rather than the size of
 * the log. The stages: format.json (V1.1), the checkpoints file (V2), the board event by event
 * (V1.2–V9; the election's own checks are in election-checks.ts), then what only the whole record
 * shows (checkpoint coverage, nominations V1.3, the stage reached).
 */
import { type Group, loadFastestGroup } from '@scrutineer/crypto';
import { type Cosignature, RECORD_FORMAT_FILE } from '@scrutineer/record';
import type { BallotRunnerFactory } from './ballot-runner.ts';
import { CheckpointChecker } from './checks/checkpoints.ts';
import { checkNominations } from './checks/nominations.ts';
import { checkCosignatures, readCosignatures } from './checks/cosignatures.ts';
import { type ElectionChecks, startElection } from './election-checks.ts';
import { PhaseTracker } from './phase-order.ts';
import { readEvents } from './read-events.ts';
import type { RecordSource } from './record-source.ts';
import { CHECK_IDS, CHECK_STAGE } from './check-catalogue.ts';
import { ReportBuilder, STAGES, type Stage, type VerificationReport } from './report.ts';

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
  await checkFormatFile(source, report);
  const checkpoints = await readCheckpoints(source, report);
  const cosignatures = await readCosignatureFile(source, report);
  const board = await checkBoard(group, source, report, checkpoints, options);
  const { election } = board;
  if (election === null) report.fail('V1.2', 'the record has no valid setup event');
  else {
    await election.finishRanked();
    await election.close();
    // A cancelled record is as finished as a final one: its last checkpoint must cover it all.
    checkpoints.finish(
      group,
      election.manifest,
      board.phaseStage === 'final' || board.phaseStage === 'cancelled'
    );
    checkCosignatures(
      group,
      election.manifest,
      cosignatures,
      (size, root) => checkpoints.holds(size, root),
      report
    );
    await checkNominations(source, election.manifest, report);
  }
  // Spec §9.6.2: a cancelled record is checked up to the stage it had reached.
  const stage = stageReached(board.stageBeforeCancellation ?? board.phaseStage, election);
  if (election !== null) {
    if (stage === 'decrypted') election.combineUnlessDone();
    reachByStage(report, stage, {
      nominations: election.manifest.nominations !== undefined,
      booth: election.manifest.booth !== undefined,
    });
  }
  report.reach('V2.8');
  const cancellation = election?.cancellation ?? null;
  if (cancellation === null) return report.build(stage, board.events, board.headHash);
  report.check(
    'V2.8',
    cancellation.position === board.events - 1,
    () =>
      `the election was cancelled at position ${cancellation.position}, but the record goes on to position ${board.events - 1}`,
    cancellation.position
  );
  return report.build('cancelled', board.events, board.headHash, { at: stage, ...cancellation });
}

/** V1.1: format.json is exactly these bytes (spec §9.1: no other spacing, one final LF). */
async function checkFormatFile(source: RecordSource, report: ReportBuilder): Promise<void> {
  const format = await source.readFormat();
  report.check('V1.1', format === RECORD_FORMAT_FILE, () =>
    format === null
      ? 'format.json is missing'
      : 'format.json must be exactly {"format":"scrutineer-record","version":1} and one LF'
  );
}

/** V2: the signed checkpoints, read before the board so that each board line can be matched. */
async function readCheckpoints(
  source: RecordSource,
  report: ReportBuilder
): Promise<CheckpointChecker> {
  const checkpoints = await CheckpointChecker.read(source.checkpointLines(), report);
  if (!(await source.endsWithLineFeed('checkpoints.jsonl')))
    report.fail('V2.7', 'checkpoints.jsonl: record/missing-final-newline: the last line has no LF');
  return checkpoints;
}

/** V2.9: the witnesses' co-signatures beside the log (spec §10.6.2; none if the file is absent). */
async function readCosignatureFile(
  source: RecordSource,
  report: ReportBuilder
): Promise<Cosignature[]> {
  const cosignatures = await readCosignatures(source.cosignatureLines(), report);
  if (!(await source.endsWithLineFeed('cosignatures.jsonl')))
    report.fail(
      'V2.9',
      'cosignatures.jsonl: record/missing-final-newline: the last line has no LF'
    );
  return cosignatures;
}

interface BoardOutcome {
  /** The election of the first valid setup event, or null if there is none (V1.2). */
  readonly election: ElectionChecks | null;
  /** The stage the events reached in order (V2.5). */
  readonly phaseStage: Stage;
  /** The stage reached before an `election-cancelled`, if the record has one. */
  readonly stageBeforeCancellation: Stage | null;
  readonly events: number;
  readonly headHash: string | null;
}

/** The streaming pass over board.jsonl: the chain (V2), the phase order, then each election check. */
async function checkBoard(
  group: Group,
  source: RecordSource,
  report: ReportBuilder,
  checkpoints: CheckpointChecker,
  options: VerifyOptions
): Promise<BoardOutcome> {
  const phases = new PhaseTracker();
  let election: ElectionChecks | null = null;
  let events = 0;
  let headHash: string | null = null;
  const inputs = {
    group,
    source,
    report,
    checkpoints,
    runners: options.runners,
    limits: { batchSize: options.batchSize ?? 128, maxInFlight: options.maxBatchesInFlight ?? 8 },
    onVerified: (ballotsVerified: number) => options.onProgress?.({ events, ballotsVerified }),
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
    if (events % 10_000 === 0)
      options.onProgress?.({ events, ballotsVerified: election?.ballotsVerified ?? 0 });
    phases.observe(event, report, election?.manifest.channels ?? null);
    if (event.type === 'election-setup') election ??= startElection(inputs, event);
    else if (election === null)
      report.fail('V1.2', `${event.type} before a valid setup`, event.position);
    else await election.observe(event, hash);
  }
  return {
    election,
    phaseStage: phases.stage,
    stageBeforeCancellation: phases.stageBeforeCancellation,
    events,
    headHash,
  };
}

/** A tallied record with at least k decryption-share events is decrypted. */
function stageReached(phaseStage: Stage, election: ElectionChecks | null): Stage {
  if (
    phaseStage === 'tallied' &&
    election !== null &&
    election.shareEvents >= election.manifest.trustees.threshold
  )
    return 'decrypted';
  return phaseStage;
}

/** Verification "Reached": every check whose stage the record reached is reported, 0 items or more. */
function reachByStage(
  report: ReportBuilder,
  stage: Stage,
  names: { readonly nominations: boolean; readonly booth: boolean }
): void {
  for (const id of CHECK_IDS) {
    if (id === 'V1.3' && !names.nominations) continue;
    if (id === 'V1.10' && !names.booth) continue;
    if (STAGES.indexOf(CHECK_STAGE[id]) <= STAGES.indexOf(stage)) report.reach(id);
  }
}
