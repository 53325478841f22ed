/**
 * @module The verifier's CPU time on one thread with a chosen group backend (dev-only; numbers
 * for docs/benchmarks.md and the profile behind decision 0028): the same code the in-browser
 * verifier's workers run, without the browser, so a profiler sees all of it in one thread.
 * Run: `npx tsx tools/bench/src/verifier-cpu.ts DIR [wasm|noble|sodium|native] [batch size]`,
 * or for a profile `node --import tsx --cpu-prof tools/bench/src/verifier-cpu.ts DIR wasm`
 * (an unstripped module names the wasm functions: build.sh without `--strip-all`).
 */
import { type Backend, loadGroup } from '@scrutineer/crypto';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';

const [directory, backend = 'wasm', batchSize = '64'] = process.argv.slice(2);
if (directory === undefined) {
  console.error('usage: verifier-cpu.ts DIR [wasm|noble|sodium|native] [batch size]');
  process.exit(2);
}
const group = await loadGroup(backend as Backend);
const wall = Date.now();
const cpu = process.cpuUsage();
// No runners: ballot batches run on this thread.
const report = await verifyRecord(recordDirectory(directory), {
  group,
  batchSize: Number(batchSize),
});
const used = process.cpuUsage(cpu);
console.log(
  `${backend}: ${report.ok ? 'valid' : 'INVALID'} in ${((Date.now() - wall) / 1000).toFixed(1)} s ` +
    `wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (batch ${batchSize})`
);
