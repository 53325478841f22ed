/**
 * `npm run demo -- --scenario exact --plan PLAN.json --out DIR [--database postgres://…]`: an
 * election replayed from exact per-channel counts (apps/cli/src/demo/run-exact.ts); DIR/result.json
 * puts the published totals beside the plan.
 *
 * `npm run demo -- [--voters N] [--out DIR] [--seed S] [--database postgres://…] [--serve]
 * [--pdf-limit N] [--port N]`: a whole members' ballot through the real election server
 * and HTTP API (apps/cli/demo/run-demo.ts), on an embedded PGlite database in DIR/database
 * unless --database names a PostgreSQL. Writes DIR/record (verified), DIR/result.json,
 * DIR/result.svg, DIR/roll-audit.csv, DIR/packs/*.pdf and DIR/print/packs.csv. With --serve it
 * stops while voting is open, prints the server URL and a few codes with their answers, and on
 * Ctrl-C (SIGINT) or SIGTERM closes, tallies, publishes and verifies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from './run-demo.ts';
import { parseExactPlan } from './exact-plan.ts';
import { runExact } from './run-exact.ts';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '2000' },
    out: { type: 'string', default: 'demo-out' },
    seed: { type: 'string', default: 'demo' },
    database: { type: 'string' },
    serve: { type: 'boolean', default: false },
    'pdf-limit': { type: 'string', default: '20' },
    port: { type: 'string' },
    scenario: { type: 'string', default: 'members' },
    plan: { type: 'string' },
  },
});
const whole = (name: string, text: string, min: number): number => {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
const voters = whole('voters', values.voters, 30);
const log = (message: string): void => void process.stdout.write(`${message}\n`);

// `--scenario exact --plan PLAN.json`: the votes are the plan's exact counts per channel
// (apps/cli/src/demo/exact-plan.ts), e.g. docs/plans/conservative-leadership-2019.json.
if (values.scenario === 'exact') {
  if (values.plan === undefined) throw new Error('--scenario exact needs --plan PLAN.json');
  const planText = readFileSync(values.plan, 'utf8');
  const exact = await runExact({
    ...parseExactPlan(planText),
    outDir: values.out,
    seed: values.seed,
    ...(values.database === undefined ? {} : { database: values.database }),
    log,
  }).catch((error: unknown) => {
    process.stderr.write(`demo: ${(error as Error).message}\n`);
    process.exit(1);
  });
  process.exit(exact.verified && exact.matches ? 0 : 1);
} else if (values.scenario !== 'members')
  throw new Error(`--scenario: "members" (the default) or "exact", not "${values.scenario}"`);

const outcome = await runDemo({
  voters,
  outDir: values.out,
  seed: values.seed,
  pdfLimit: whole('pdf-limit', values['pdf-limit'], 0),
  ...(values.database === undefined ? {} : { database: values.database }),
  ...(values.port === undefined ? {} : { port: whole('port', values.port, 1) }),
  log,
  ...(values.serve
    ? {
        whileOpen: async (live) => {
          const waiting = live.plans.filter((p) => p.channel === 'none').slice(-5);
          log('');
          log(`The election is open at ${live.url} (election id ${live.electionId}).`);
          log(
            `  Booth: ${live.url}/elections/${live.electionId}   (build it first, once: npm run build -w @scrutineer/web)`
          );
          // No codes or answers in the output (a terminal's scrollback and logs keep it): they
          // are in the printer's file, readable by its owner only.
          log(
            `  ${waiting.length} members have not voted yet: their codes and answers are in ${join(values.out, 'print', 'packs.csv')} (pack_id, member_id, code; each member's answers are their date of birth and postcode on the roll).`
          );
          log(
            `  From a terminal: npx scrutineer vote --server ${live.url} --election ${live.electionId} --choice 1   (it asks for the code and answers; or --code-file FILE with the code and the answers on two lines)`
          );
          log('Press Ctrl-C (or send SIGTERM) to close voting, tally, publish and verify.');
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          log('Closing…');
          // Votes cast meanwhile are counted but not in the demo's "intended" column.
          return [];
        },
      }
    : {}),
}).catch((error: unknown) => {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exit(1);
});

if (outcome.nominations.result !== 'ballot') process.exitCode = 0;
else
  process.exitCode =
    outcome.verified === true && (outcome.matches === true || values.serve) ? 0 : 1;
