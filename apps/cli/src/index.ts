/** @module @scrutineer/cli: the `scrutineer` command, importable for tests and the demo. */
export { buildProgram, main } from './main.ts';
