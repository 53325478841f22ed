/**
 * `npm run generate-record -- --ballots N --candidates C --out DIR [--seed S] [--threads T]`: a
 * valid synthetic election record of any size, for load tests and benchmarks (dev-only).
 */
import { main } from './src/main.ts';

process.exitCode = await main(process.argv);
