/** @module @scrutineer/load (dev-only): load runs against a real server, shared with the benchmarks. */
export * from './board-audit.ts';
export * from './cast-driver.ts';
export * from './load-run.ts';
