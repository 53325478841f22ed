/** @module @scrutineer/cli: the `scrutineer` command, importable for tests and the demo. */
export { buildProgram, main } from './main.ts';
export { ServerClient } from './client/server-client.ts';
export { parseScannerFile, uploadEnvelopes } from './commands/postal/scanner-file.ts';
export { rankedSharesOnAllCores } from './commands/ranked/share-pool.ts';
