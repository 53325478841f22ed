/**
 * @module @scrutineer/ranked-count: the count of ranked ballots (spec 12-count-rules.md). Depends
 * on nothing of ours, so the verifier, the protocol and the apps can all run the same count.
 */
export { countRanked, readPrefixes } from './count.ts';
export { ers97Quota } from './ers97.ts';
export { countSeed, lotOrder } from './lot.ts';
export { MEEK_DECIMALS } from './meek.ts';
export { renderSheet } from './render.ts';
export { err, ok, type Result } from './result.ts';
export type {
  CountError,
  CountInput,
  CountMethod,
  ResultSheet,
  Stage,
  StageAction,
  StvRules,
  TieBreak,
} from './types.ts';
