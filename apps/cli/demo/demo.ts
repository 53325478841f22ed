/**
 * `npm run demo -- --scenario exact --plan PLAN.json --out DIR [--database postgres://…]`: an
 * election replayed from exact per-channel counts (apps/cli/demo/run-exact.ts); DIR/result.json
 * puts the published totals beside the plan.
 *
 * `npm run demo -- --scenario styles --out DIR`: ballot styles, weights and a 50/50 college
 * (apps/cli/demo/run-styles.ts): three categories, each member sees and votes their own contests.
 *
 * `npm run demo -- --scenario ranked --out DIR`: a leader by AV, a committee by ERS97 STV and a
 * motion, online and postal; ranked ballots mixed by three servers, decrypted by 3 of 5 trustees,
 * counted stage by stage with the postal papers' rankings and verified, every step through the
 * server (apps/cli/demo/run-ranked.ts).
 *
 * `npm run demo -- [--voters N] [--out DIR] [--seed S] [--database postgres://…] [--serve]
 * [--pdf-limit N] [--port N]`: a whole members' ballot through the real election server
 * and HTTP API (apps/cli/demo/run-demo.ts), on an embedded PGlite database in DIR/database
 * unless --database names a PostgreSQL. Writes DIR/record (verified), the declaration
 * (DIR/result.json, result.csv, result.svg, declaration.html), DIR/roll-audit.csv,
 * DIR/packs/*.pdf and DIR/print/packs.csv. With --serve it first builds the web app if
 * apps/web/dist is missing or stale, stops while voting is open and prints the one address to
 * open (the server's home page, which links to every page); on Enter it closes, tallies,
 * publishes and verifies, then keeps serving the result, board and verifier pages until Ctrl-C
 * (Ctrl-C or SIGTERM while open does the same, then stops).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from './run-demo.ts';
import { parseExactPlan } from './exact-plan.ts';
import { runExact } from './run-exact.ts';
import { runStyles } from './run-styles.ts';
import { runRanked } from './run-ranked.ts';
import { ensureWebBuild } from '@scrutineer/web/build';

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
// One Ctrl-C reaches this process more than once (the terminal signals the whole group, and npm
// and tsx each pass it on too): signals within a second of the last count once, and a listener
// stays installed throughout so a repeat never falls through to the default (exit).
let waiting: (() => void) | undefined;
let lastSignal = 0;
const onSignal = (): void => {
  const now = Date.now();
  if (now - lastSignal < 1000) return;
  lastSignal = now;
  const resolve = waiting;
  waiting = undefined;
  resolve?.();
};
if (values.serve) {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
const signalled = (): Promise<void> =>
  new Promise<void>((resolve) => {
    waiting = resolve;
  });
/**
 * While open: Enter closes voting and the server then keeps serving the result; Ctrl-C closes
 * too, but exits once the result is published (npm gives up the terminal on Ctrl-C, so a demo
 * left serving behind it could not be stopped with a second one).
 */
let closedBy: 'enter' | 'signal' = 'signal';
const enterOrSignal = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    const done = (by: 'enter' | 'signal'): void => {
      closedBy = by;
      lines.close();
      waiting = undefined;
      resolve();
    };
    lines.once('line', () => done('enter'));
    waiting = () => done('signal');
  });
// The native backend if it can be built (else libsodium). Built here rather than by an `a && b`
// npm script: npm runs that through a shell, and a shell that dies on Ctrl-C while the demo is
// still tallying makes npm return to the prompt with the demo running on behind it.
spawnSync(
  process.execPath,
  [
    join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'packages',
      'crypto',
      'scripts',
      'build-native.mjs'
    ),
    '--if-possible',
  ],
  {
    stdio: 'inherit',
  }
);
if (values.serve) await ensureWebBuild(log);

// `--scenario exact --plan PLAN.json`: the votes are the plan's exact counts per channel
// (apps/cli/demo/exact-plan.ts), e.g. docs/plans/conservative-leadership-2019.json.
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
} else if (values.scenario === 'styles') {
  // Ballot styles, weights and a college (spec §13): apps/cli/demo/run-styles.ts.
  const styled = await runStyles({
    members: Math.min(voters, 90),
    outDir: values.out,
    seed: values.seed,
    ...(values.database === undefined ? {} : { database: values.database }),
    log,
  }).catch((error: unknown) => {
    process.stderr.write(`demo: ${(error as Error).message}\n`);
    process.exit(1);
  });
  process.exit(styled.verified && styled.matches ? 0 : 1);
} else if (values.scenario === 'ranked') {
  // AV and STV from a verifiable mix-net (spec §11, §12): apps/cli/demo/run-ranked.ts.
  const ranked = await runRanked({ outDir: values.out, log }).catch((error: unknown) => {
    process.stderr.write(`demo: ${(error as Error).message}\n`);
    process.exit(1);
  });
  process.exit(ranked.verified && ranked.matches ? 0 : 1);
} else if (values.scenario !== 'members')
  throw new Error(
    `--scenario: "members" (the default), "exact", "styles" or "ranked", not "${values.scenario}"`
  );

const outcome = await runDemo({
  voters,
  outDir: values.out,
  seed: values.seed,
  pdfLimit: whole('pdf-limit', values['pdf-limit'], 0),
  ...(values.database === undefined ? {} : { database: values.database }),
  ...(values.port === undefined ? {} : { port: whole('port', values.port, 0) }),
  log,
  ...(values.serve
    ? {
        whileOpen: async (live) => {
          const waiting = live.plans.filter((p) => p.channel === 'none').slice(-5);
          log('');
          log(
            `Open ${live.url}/ — the election ${live.electionId} is open there (booth, board, turnout, result, verifier).`
          );
          // No codes or answers in the output (a terminal's scrollback and logs keep it): they
          // are in the printer's file, readable by its owner only.
          log(
            `  ${waiting.length} members have not voted yet: their codes and answers are in ${join(values.out, 'print', 'packs.csv')} (pack_id, member_id, code; each member's answers are their date of birth and postcode on the roll).`
          );
          log(
            `  From a terminal: npx scrutineer vote --server ${live.url} --election ${live.electionId} --choice 1   (it asks for the code and answers; or --code-file FILE with the code and the answers on two lines)`
          );
          log(
            'Press Enter to close voting, tally, publish and verify, and keep serving the result (Ctrl-C: the same, then stop).'
          );
          await enterOrSignal();
          log('Closing…');
          // Votes cast meanwhile are counted but not in the demo's "intended" column.
          return [];
        },
        afterPublished: async ({ url, electionId }) => {
          log('');
          if (closedBy === 'signal') {
            log(
              `Stopped. The result stays in ${values.out} (declaration.html, result.json, result.csv, result.svg, record/).`
            );
            return;
          }
          log(
            `Still serving: open ${url}/ for the result (${url}/elections/${electionId}/result) and the in-browser verifier. The result files stay in ${values.out}.`
          );
          log('Press Ctrl-C to stop the server.');
          await signalled();
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
