/** @module @scrutineer/record-generator (dev-only): synthetic election records from a seed. */
export { generateRecord } from './record-generator.ts';
export { buildProgram, main } from './main.ts';
