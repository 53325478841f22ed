/** @module @scrutineer/record-generator (dev-only): synthetic election records from a seed. */
export {
  type GenerateOptions,
  type GenerateSummary,
  type RankedSummary,
  generateRecord,
} from './record-generator.ts';
export { buildProgram, main } from './main.ts';
