/**
 * Enforces the one-way dependency arrows of docs/architecture.md:
 *  1. each workspace package declares only the workspace packages the table allows;
 *  2. every `@scrutineer/*` import in its sources is declared and goes through the package root
 *     (no deep imports), and no relative import climbs out of the package;
 *  3. pure libraries (packages/*) import no network, database or process-level Node modules.
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
  server: ['crypto', 'record', 'protocol', 'verifier'],
  web: ['crypto', 'record', 'protocol'],
  cli: ['crypto', 'record', 'protocol', 'verifier', 'server'],
};

/** Node built-ins a pure library may use outside its tests (the verifier streams files on all cores). */
const pureBuiltins: Record<string, readonly string[]> = {
  crypto: [],
  record: [],
  protocol: [],
  verifier: ['fs', 'fs/promises', 'readline', 'worker_threads', 'os', 'path', 'url', 'stream'],
};

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
          if (rest.length > 0)
            problems.push(`${rel}: deep import ${spec}: import the package root`);
        } else if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(dir + '/'))
            problems.push(`${rel}: relative import ${spec} leaves ${kind}/${name}`);
        } else if (kind === 'packages' && !isTest) {
          const builtin = spec.startsWith('node:') ? spec.slice(5) : null;
          if (builtin !== null && !(pureBuiltins[name] ?? []).includes(builtin)) {
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
