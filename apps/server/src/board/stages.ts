/**
 * @module The election's stages (spec §9.6) and which events each admits: the board refuses an
 * event out of order rather than publish a record that fails V2.5. The rules are the record's,
 * shared with the verifier.
 */
export {
  BOARD_STAGES as STAGES,
  type BoardStage as Stage,
  isAllowedIn,
  isBoardStage as isStage,
  stageAfter,
} from '@scrutineer/record';
