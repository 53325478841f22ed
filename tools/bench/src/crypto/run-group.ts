/**
 * @module Prints the group benchmark as a table: `npx tsx tools/bench/src/crypto/run-group.ts
 * [minMs]` (default 1000 ms per operation and backend).
 */
import { availableBackends, benchGroup, groupBenchName, GROUP_BENCH_OPERATIONS } from './group.ts';
import { formatOpsPerSecond } from './measure.ts';

const minMs = Number(process.argv[2] ?? 1000);
const results = await benchGroup({ minMs });
const opsPerSecond = new Map(results.map((r) => [r.name, r.opsPerSecond]));

const backends = await availableBackends();
const header = ['operation', ...backends.map((backend) => `${backend} ops/s`), 'fastest ÷ noble'];
const rows = GROUP_BENCH_OPERATIONS.map((operation) => {
  const rates = backends.map(
    (backend) => opsPerSecond.get(groupBenchName(operation, backend)) ?? NaN
  );
  const fastest = Math.max(...rates.filter((rate) => !Number.isNaN(rate)));
  return [
    operation,
    ...rates.map((rate) => (Number.isNaN(rate) ? '—' : formatOpsPerSecond(rate))),
    Number.isNaN(rates[0] ?? NaN) ? '—' : `${(fastest / (rates[0] as number)).toFixed(2)}×`,
  ];
});
const widths = header.map((cell, column) =>
  Math.max(cell.length, ...rows.map((row) => (row[column] as string).length))
);
const line = (cells: readonly string[]): string =>
  `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join(' | ')} |`;

console.log(`group benchmark, Node ${process.version}, ${minMs} ms per measurement`);
console.log(line(header));
console.log(
  `|${widths.map((width, column) => (column === 0 ? ':' : '-') + '-'.repeat(width) + (column === 0 ? '-' : ':')).join('|')}|`
);
for (const row of rows) console.log(line(row));
