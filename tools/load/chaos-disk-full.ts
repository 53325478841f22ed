/**
 * `npx tsx tools/load/chaos-disk-full.ts [--voters N] [--size-mb M] [--hold S] [--out FILE]`: the
 * database on a tiny tmpfs tablespace fills while ballots are cast; casting must fail closed and
 * resume when the tmpfs grows (tools/load/src/disk-full.ts). Root only (mount). Exits 1
 * unless it did.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runDiskFull } from './src/disk-full.ts';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1200' },
    'size-mb': { type: 'string', default: '6' },
    hold: { type: 'string', default: '10' },
    out: { type: 'string', default: 'disk-full-summary.json' },
  },
  strict: false,
});
const summary = await runDiskFull({
  voters: Number(values.voters),
  sizeMegabytes: Number(values['size-mb']),
  holdSeconds: Number(values.hold),
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(String(values.out), `${JSON.stringify(summary, null, 2)}\n`);
if (!summary.ok) process.exitCode = 1;
