/**
 * @module V2.5: board events come in the order of the election's phases (spec §9.6) and only on
 * the channels the manifest offers (spec §9.2), by the record's shared rules; also tells the
 * verifier which stage the record reached.
 */
import {
  type BoardEvent,
  type BoardStage,
  type Manifest,
  BOARD_STAGES,
  isAllowedIn,
  isAllowedOnChannels,
  stageAfter,
} from '@scrutineer/record';
import type { ReportBuilder } from './report.ts';

export class PhaseTracker {
  #stage: BoardStage = 'empty';
  #beforeCancellation: BoardStage | null = null;

  get stage(): BoardStage {
    return this.#stage;
  }

  /** The stage the election had reached when it was cancelled (null: not cancelled). */
  get stageBeforeCancellation(): BoardStage | null {
    return this.#beforeCancellation;
  }

  /**
   * Checks one event's place (V2.5) and advances the stage. `channels` is the manifest's, once a
   * valid setup was read (null before: nothing yet to check an event's channel against).
   */
  observe(event: BoardEvent, report: ReportBuilder, channels: Manifest['channels'] | null): void {
    const { type, position } = event;
    const allowed = isAllowedIn(type, this.#stage);
    report.check(
      'V2.5',
      allowed,
      () => `${type} at position ${position} is out of order (record is at stage ${this.#stage})`,
      position
    );
    if (channels !== null)
      report.check(
        'V2.5',
        isAllowedOnChannels(event, channels),
        () =>
          `${type} at position ${position} is on a channel the manifest does not offer (online ${channels.online}, postal ${channels.postal})`,
        position
      );
    // Move on even when out of order, so one misplaced event does not fail every later one; but
    // never move backwards.
    const next = stageAfter(type, this.#stage);
    if (next === 'cancelled' && this.#beforeCancellation === null)
      this.#beforeCancellation = this.#stage;
    if (BOARD_STAGES.indexOf(next) > BOARD_STAGES.indexOf(this.#stage)) this.#stage = next;
  }
}
