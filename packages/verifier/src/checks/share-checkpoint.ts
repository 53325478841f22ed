/**
 * @module V8.1, the checkpoint a decryption share binds (spec §8.2, §9.5): it is one of the
 * record's signed checkpoints, and its log prefix holds the `encrypted-tally` and ends before the
 * share itself. So every share was made for the tally sealed on the public log, after the trustee
 * checked that prefix (apps/cli `trustee decrypt --checkpoint`); V8.2 then verifies the proofs,
 * whose challenge (8.1) includes this checkpoint.
 */
import type { BoardEvent } from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';

type ShareEvent = Extract<BoardEvent, { type: 'decryption-share' }>;

export function checkShareCheckpoint(
  event: ShareEvent,
  tallyPosition: number | null,
  holds: (size: number, root: string) => boolean,
  report: ReportBuilder
): void {
  const { trustee, checkpoint } = event.body;
  report.check(
    'V8.1',
    holds(checkpoint.size, checkpoint.root),
    () =>
      `trustee ${trustee}'s share binds checkpoint ${checkpoint.size}:${checkpoint.root}, which is not one of the record's checkpoints`,
    event.position
  );
  report.check(
    'V8.1',
    tallyPosition !== null && checkpoint.size > tallyPosition && checkpoint.size <= event.position,
    () =>
      `trustee ${trustee}'s share binds a checkpoint of size ${checkpoint.size}, which does not cover the encrypted tally (position ${tallyPosition ?? 'none'}) or is not before the share (position ${event.position})`,
    event.position
  );
}
