/**
 * `npm run hostile [-- --runs N] [-- --engine pglite|postgres] [-- --seed S] [-- --only FRAGMENT]
 * [-- --from KIND]`:
 * the full hostile-input suite (docs/threat-model.md I1; default 1,000 cases a kind) against a real
 * server in this process, requests through fastify's `inject`. Prints per kind the code every
 * case got and the rejection cost (mean, p99, max wall time of a request through the whole HTTP
 * stack, and the CPU time this process spent on it), and the process RSS before and after. Exits 1 on the first kind that fails.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { createHostileFixture } from './src/hostile-fixture.ts';
import { allHostileKinds } from './src/hostile-kinds.ts';
import { type Stats, assertVictimCanStillCast, runHostileKind } from './src/run-hostile.ts';
import { TEST_ENGINES, cleanUpTestDatabases } from '@scrutineer/testkit';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'pglite' },
    seed: { type: 'string' },
    only: { type: 'string' },
    /** Resume at this kind (the kinds run in a fixed order). */
    from: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const USAGE =
  'usage: npm run hostile -- [--runs N] [--engine pglite|postgres] [--seed S] [--only FRAGMENT] [--from KIND]';
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
const engine = TEST_ENGINES.find((e) => e.engine === values.engine);
if (!Number.isSafeInteger(runs) || runs < 1 || engine === undefined) {
  console.error(USAGE);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const format = (stats: Stats) =>
  [stats.mean, stats.p99, stats.max].map((ms) => ms.toFixed(1)).join(' / ');
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const fixture = await createHostileFixture(await engine.freshDatabase());
const all = allHostileKinds(fixture);
const start = values.from === undefined ? 0 : all.findIndex((kind) => kind.name === values.from);
if (start < 0) {
  console.error(`no kind named ${values.from}`);
  process.exit(2);
}
const kinds = all
  .slice(start)
  .filter((kind) => values.only === undefined || kind.name.includes(values.only));
console.log(
  `hostile input: ${kinds.length} kinds × ${runs} cases, engine ${engine.engine}, seed ${seed}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
);
console.log(
  'kind | threat | refused with | cases | wall ms mean / p99 / max | CPU ms mean / p99 / max'
);
const rssBefore = mb();
const started = performance.now();
let cases = 0;
try {
  for (const kind of kinds) {
    const report = await runHostileKind(fixture, kind, { runs, seed });
    cases += report.runs;
    console.log(
      [
        report.name,
        report.threat,
        report.code,
        report.runs,
        format(report.wall),
        format(report.cpu),
      ].join(' | ')
    );
  }
  await assertVictimCanStillCast(fixture);
  console.log(
    `${cases} hostile requests refused, state unchanged after each kind, victim cast afterwards (201); ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s; RSS ${rssBefore} → ${mb()} MB`
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await fixture.server.close();
  await cleanUpTestDatabases();
}
