/**
 * `npm run generate-record -- --ballots N --candidates C --out DIR [--seed S] [--threads T]`: a
 * valid synthetic election record of any size, for load tests and benchmarks (dev-only). With
 * `--ranked` (C defaults to 5) its contest is ranked (AV/IRV) and the record holds the whole
 * ranked phase: 3 mix servers' mixes, the trustees' rounds of shares, the rankings and the count.
 */
import { main } from './src/main.ts';

process.exitCode = await main(process.argv);
