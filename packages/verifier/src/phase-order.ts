/**
 * @module V2.5: board events come in the order of the election's phases (spec §9.6), by the
 * record's phase rules; also tells the verifier which stage the record reached.
 */
import {
  type BoardStage,
  type EventType,
  BOARD_STAGES,
  isAllowedIn,
  stageAfter,
} from '@scrutineer/record';
import type { ReportBuilder } from './report.ts';

export class PhaseTracker {
  #stage: BoardStage = 'empty';

  get stage(): BoardStage {
    return this.#stage;
  }

  /** Checks one event's place (V2.5) and advances the stage. */
  observe(type: EventType, position: number, report: ReportBuilder): void {
    const allowed = isAllowedIn(type, this.#stage);
    report.check(
      'V2.5',
      allowed,
      () => `${type} at position ${position} is out of order (record is at stage ${this.#stage})`,
      position
    );
    // Move on even when out of order, so one misplaced event does not fail every later one; but
    // never move backwards.
    const next = stageAfter(type, this.#stage);
    if (BOARD_STAGES.indexOf(next) > BOARD_STAGES.indexOf(this.#stage)) this.#stage = next;
  }
}
