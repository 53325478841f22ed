/**
 * Enforces the one-way dependency arrows of docs/architecture.md:
 *  1. each workspace package declares only the workspace packages the table allows;
 *  2. every `@scrutineer/*` import in its sources is declared and goes through the package root
 *     (no deep imports, except the entries in `subpathEntries`), and no relative import climbs
 *     out of the package;
 *  3. pure libraries (packages/*) import no network, database or process-level Node modules;
 *  4. the verifier's root entry stays browser-safe: outside `src/node/` (and its `src/node.ts`
 *     entry and tests) no verifier file imports Node built-ins or `./node/*`, and the web app
 *     never imports `@scrutineer/verifier/node`.
 * Exits 1 with one line per breach.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The arrows. A package may depend only on the packages listed for it. */
const allowed: Record<string, readonly string[]> = {
  crypto: [],
  record: ['crypto'],
  protocol: ['crypto', 'record'],
  verifier: ['crypto', 'record'],
  'api-contract': ['record'],
  server: ['crypto', 'record', 'protocol', 'verifier', 'api-contract'],
  web: ['crypto', 'record', 'protocol', 'verifier', 'api-contract'],
  cli: ['crypto', 'record', 'protocol', 'verifier', 'server', 'api-contract'],
};

/** Node built-ins a pure library may use outside its tests (the verifier streams files on all cores). */
const pureBuiltins: Record<string, readonly string[]> = {
  // `module` only for createRequire in backends/native.ts (an ES module cannot import a `.node`
  // addon); load-group.ts imports that file dynamically, so the browser never evaluates it.
  crypto: ['module'],
  record: [],
  protocol: [],
  'api-contract': [],
  verifier: ['fs', 'fs/promises', 'readline', 'worker_threads', 'os', 'path', 'url', 'stream'],
};

/** The only deep imports: a package's second entry (package.json `exports`), for Node callers. */
const subpathEntries: ReadonlySet<string> = new Set(['@scrutineer/verifier/node']);

/** Apps that run in a browser and so may not import a Node-only entry. */
const browserApps: ReadonlySet<string> = new Set(['web']);

const problems: string[] = [];

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures' || name === 'vectors') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

/** Which part of the verifier a file is in: its Node entry (node.ts, node/*) or the browser-safe rest. */
function nodeOnlyPart(name: string, dir: string, file: string): 'node' | 'browser-safe' | null {
  if (name !== 'verifier') return null;
  const inside = relative(join(dir, 'src'), file);
  return inside === 'node.ts' || inside.startsWith('node/') ? 'node' : 'browser-safe';
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

for (const kind of ['packages', 'apps']) {
  const kindDir = join(root, kind);
  if (!existsSync(kindDir)) continue;
  for (const name of readdirSync(kindDir)) {
    const dir = join(kindDir, name);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const rule = allowed[name];
    if (!rule) {
      problems.push(`${kind}/${name}: not in the dependency table of scripts/check-boundaries.ts`);
      continue;
    }
    const ours = (deps: Record<string, string> | undefined): string[] =>
      Object.keys(deps ?? {})
        .filter((d) => d.startsWith('@scrutineer/'))
        .map((d) => d.slice('@scrutineer/'.length));
    // The arrows bind what a package ships; its tests may drive other packages (a browser test
    // starts the server) through devDependencies, which only test code may import.
    const declared = ours(manifest.dependencies);
    const declaredForTests = [...declared, ...ours(manifest.devDependencies)];
    for (const dep of declared) {
      if (!rule.includes(dep))
        problems.push(`${kind}/${name}/package.json: may not depend on @scrutineer/${dep}`);
    }
    for (const file of sourceFiles(dir)) {
      const rel = relative(root, file);
      // Tests, benches and scripts beside a library may touch the file system and the clock.
      const inFolder = (names: string): boolean =>
        new RegExp(`/(${names})/`).test(`/${relative(dir, file)}`);
      const isTestCode = /\.test\.tsx?$/.test(file) || inFolder('test');
      const isTest = isTestCode || inFolder('scripts|bench');
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(importPattern)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (spec.startsWith('@scrutineer/')) {
          const [, pkg = '', ...rest] = spec.split('/');
          if (pkg === name) problems.push(`${rel}: imports its own package by name (${spec})`);
          else if (!(isTestCode ? declaredForTests : declared).includes(pkg))
            problems.push(`${rel}: imports ${spec}, not declared in package.json`);
          if (rest.length > 0 && !subpathEntries.has(spec))
            problems.push(`${rel}: deep import ${spec}: import the package root`);
          if (subpathEntries.has(spec) && browserApps.has(name) && !isTestCode)
            problems.push(`${rel}: imports the Node-only entry ${spec} into the browser`);
        } else if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(dir + '/'))
            problems.push(`${rel}: relative import ${spec} leaves ${kind}/${name}`);
          if (nodeOnlyPart(name, dir, file) === 'browser-safe' && !isTest) {
            if (
              target.startsWith(join(dir, 'src', 'node') + '/') ||
              target === join(dir, 'src', 'node.ts')
            )
              problems.push(`${rel}: the browser-safe verifier imports the Node-only ${spec}`);
          }
        } else if (kind === 'packages' && !isTest) {
          const builtin = spec.startsWith('node:') ? spec.slice(5) : null;
          const browserSafe = nodeOnlyPart(name, dir, file) === 'browser-safe';
          if (builtin !== null && browserSafe)
            problems.push(`${rel}: the browser-safe verifier imports node:${builtin}`);
          else if (builtin !== null && !(pureBuiltins[name] ?? []).includes(builtin)) {
            problems.push(`${rel}: pure library imports node:${builtin}`);
          }
          if (/^(pg|@electric-sql\/pglite|fastify|undici|http|https|net)(\/|$)/.test(spec)) {
            problems.push(`${rel}: pure library imports ${spec}`);
          }
        }
      }
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`check-boundaries: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('check-boundaries: all imports follow the arrows');
