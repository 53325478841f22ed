/**
 * @module The dependency rules of docs/architecture.md as data: which workspace may depend on
 * which, which are pure, which only exist for development. scripts/boundaries/check.ts applies
 * them to every import of every workspace and of `scripts/`.
 */

/**
 * What a workspace is:
 * - `pure`: a library of packages/ (no network, database, DOM or clock; see `pureBuiltins`);
 * - `node-utility`: a small Node-only library of packages/ (threads, files) with no election logic;
 * - `app`: shipped on top of the libraries (server, web, cli);
 * - `dev`: development only (the testkit and every workspace under tools/): never reachable from
 *   shipped code, free to use anything else.
 */
export type WorkspaceKind = 'pure' | 'node-utility' | 'app' | 'dev';

/** The arrows. A shipped workspace may depend only on the workspaces listed for it. */
export const SHIPPED: Readonly<
  Record<string, { readonly kind: WorkspaceKind; readonly mayUse: readonly string[] }>
> = {
  crypto: { kind: 'pure', mayUse: [] },
  // The count of ranked ballots (spec 12): pure arithmetic the verifier re-runs; uses nothing of ours.
  'ranked-count': { kind: 'pure', mayUse: [] },
  record: { kind: 'pure', mayUse: ['crypto'] },
  protocol: { kind: 'pure', mayUse: ['crypto', 'record', 'ranked-count'] },
  verifier: { kind: 'pure', mayUse: ['crypto', 'record', 'worker-pool', 'ranked-count'] },
  // The HTTP contract (endpoints, schemas, error codes, the typed client): shared by the server,
  // the web app and the CLI, so none of them defines the API's shapes.
  'api-contract': { kind: 'pure', mayUse: ['record'] },
  'worker-pool': { kind: 'node-utility', mayUse: [] },
  server: {
    kind: 'app',
    mayUse: [
      'crypto',
      'record',
      'protocol',
      'verifier',
      'worker-pool',
      'web',
      'api-contract',
      'ranked-count',
    ],
  },
  web: {
    kind: 'app',
    mayUse: ['crypto', 'record', 'protocol', 'verifier', 'api-contract', 'ranked-count'],
  },
  cli: {
    kind: 'app',
    mayUse: [
      'crypto',
      'record',
      'protocol',
      'verifier',
      'worker-pool',
      'server',
      'api-contract',
      'ranked-count',
    ],
  },
};

/** Dev-only workspaces outside tools/ (every workspace under tools/ is dev-only too). */
export const DEV_ONLY: ReadonlySet<string> = new Set(['testkit']);

/**
 * Node built-ins a pure library may use outside its tests. crypto: `module` only for createRequire
 * in backends/native.ts (an ES module cannot import a `.node` addon; load-group.ts imports that
 * file dynamically, so the browser never evaluates it). verifier: streams files on all cores, in
 * its Node entry only (see `nodeEntries`).
 */
export const PURE_BUILTINS: Readonly<Record<string, readonly string[]>> = {
  crypto: ['module'],
  'ranked-count': [],
  record: [],
  protocol: [],
  'api-contract': [],
  verifier: ['fs', 'fs/promises', 'readline', 'worker_threads', 'os', 'path', 'url', 'stream'],
};

/** Third-party modules no pure library may import, even if declared: network and databases. */
export const IMPURE_MODULES = /^(pg|@electric-sql\/pglite|fastify|undici|http|https|net)(\/|$)/;

/**
 * Parts of a pure package that are Node-only, relative to the package (its second entry): the
 * rest of the package must stay browser-safe (no Node built-ins, no import of these parts).
 */
export const NODE_ENTRIES: Readonly<Record<string, readonly string[]>> = {
  verifier: ['src/node.ts', 'src/node/'],
};

/** Apps that run in a browser: they may not import a Node-only entry (`@scrutineer/x/node`). */
export const BROWSER_APPS: ReadonlySet<string> = new Set(['web']);

/** Modules only tests use; shipped code importing one is test code in the wrong place. */
export const TEST_ONLY_MODULES = /^(node:test|node:assert(\/strict)?|assert|fast-check)$/;

/**
 * Which files of a shipped workspace are development code (tests and their helpers, scripts,
 * benchmarks, the web app's build and the CLI's demo beside a library, all outside the shipped `src/` or named `*.test`): they may use devDependencies, the file system and the clock.
 */
export function isDevFile(insideWorkspace: string): boolean {
  const path = `/${insideWorkspace}`;
  return (
    /\.(test|slow\.test|helpers)\.tsx?$/.test(path) ||
    /\/(test|test-fixtures|scripts|bench|demo|build)\//.test(path) ||
    // The repository's launchers register tsx; a published package runs its built bin instead
    // (docs/decisions/0005).
    /^\/bin\/[\w-]+\.mjs$/.test(path)
  );
}
