/**
 * @module Applies scripts/boundaries/rules.ts to a checkout: every workspace (packages/*, apps/*,
 * tools/*) and the repository's own `scripts/`. For each import it asks:
 *  1. is it declared? A workspace or third-party import must be in the importing workspace's
 *     package.json (`dependencies`; development files may also use `devDependencies`); scripts/
 *     use the root package.json or any workspace;
 *  2. does it follow the arrows? A shipped workspace depends only on those its row allows, never on
 *     a dev-only one (the testkit, tools/*) — not even in its tests' devDependencies may the web
 *     app name the server in shipped code;
 *  3. does it go through the front door? Only a package's root or a subpath its `exports` lists; no
 *     relative import leaves its workspace (so nothing reaches a tool or another package by path);
 *  4. pure libraries import no network, database or process-level module, the verifier's
 *     browser-safe part no Node built-in, not its Node entry and no Node utility (worker-pool),
 *     and no browser app a Node entry or a Node utility;
 *  5. shipped code imports no test-only module (node:test, node:assert, fast-check).
 * Returns one line per breach, each naming the file, the import and the rule.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import {
  BROWSER_APPS,
  DEV_ONLY,
  IMPURE_MODULES,
  NODE_ENTRIES,
  PURE_BUILTINS,
  SHIPPED,
  TEST_ONLY_MODULES,
  type WorkspaceKind,
  isDevFile,
} from './rules.ts';

interface Manifest {
  readonly name?: string;
  readonly workspaces?: readonly string[];
  readonly exports?: Record<string, unknown> | string;
  readonly dependencies?: Record<string, string>;
  /** Declared too: the published CLI loads the server only for the commands that need it (ADR). */
  readonly peerDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** What a workspace ships with: its dependencies and its (optional) peers. */
const shippedDependencies = (manifest: Manifest): string[] => [
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
];

interface Workspace {
  /** Path from the root, e.g. `apps/server`; `scripts` for the repository's own scripts. */
  readonly path: string;
  /** The short name (`server`), from `@scrutineer/server`. */
  readonly name: string;
  readonly kind: WorkspaceKind;
  readonly manifest: Manifest;
}

const SCOPE = '@scrutineer/';

const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures' || name === 'vectors' || name === 'dist')
      continue;
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|import\.meta\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every import specifier in a source text (static, dynamic, side-effect, import.meta.resolve),
 * comments left out (a comment may quote an import).
 */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

/** The package a bare specifier names: `@a/b/c` → `@a/b`, `x/y` → `x`. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** Lists the workspaces named by the root package.json's `workspaces` globs (`dir/*` only). */
function workspacesOf(root: string, problems: string[]): Workspace[] {
  const found: Workspace[] = [];
  for (const glob of readManifest(join(root, 'package.json')).workspaces ?? []) {
    const top = glob.replace(/\/\*$/, '');
    if (!existsSync(join(root, top))) continue;
    for (const entry of readdirSync(join(root, top)).sort()) {
      const manifestPath = join(root, top, entry, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = readManifest(manifestPath);
      const path = `${top}/${entry}`;
      const name = (manifest.name ?? '').startsWith(SCOPE)
        ? (manifest.name ?? '').slice(SCOPE.length)
        : entry;
      const shipped = SHIPPED[name];
      const dev = top === 'tools' || DEV_ONLY.has(name);
      if (dev) found.push({ path, name, kind: 'dev', manifest });
      else if (shipped) found.push({ path, name, kind: shipped.kind, manifest });
      else
        problems.push(
          `${path}: not in the dependency table (scripts/boundaries/rules.ts): say whether it ships and what it may use`
        );
    }
  }
  return found;
}

/** Subpaths a workspace exports besides its root (`@scrutineer/verifier/node`). */
function subpathEntries(workspaces: readonly Workspace[]): (spec: string) => boolean {
  const entries: string[] = [];
  for (const w of workspaces) {
    const exp = w.manifest.exports;
    if (exp === undefined || typeof exp === 'string') continue;
    for (const key of Object.keys(exp))
      if (key !== '.') entries.push(`${SCOPE}${w.name}${key.slice(1)}`);
  }
  // An exports key may end in `*` (`./dist/*`): any subpath under it is an entry.
  return (spec) =>
    entries.some((e) => (e.endsWith('*') ? spec.startsWith(e.slice(0, -1)) : spec === e));
}

/** Checks the checkout at `root`; returns the breaches (empty when every import follows the rules). */
export function checkBoundaries(root: string): string[] {
  const problems: string[] = [];
  const workspaces = workspacesOf(root, problems);
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const isEntry = subpathEntries(workspaces);
  const rootManifest = readManifest(join(root, 'package.json'));
  const scripts: Workspace = {
    path: 'scripts',
    name: 'scripts',
    kind: 'dev',
    manifest: rootManifest,
  };

  for (const w of workspaces) {
    const rule = SHIPPED[w.name];
    if (w.kind === 'dev' || !rule) continue;
    for (const dep of shippedDependencies(w.manifest)) {
      if (!dep.startsWith(SCOPE)) continue;
      const target = dep.slice(SCOPE.length);
      const targetKind = byName.get(target)?.kind;
      if (targetKind === 'dev')
        problems.push(
          `${w.path}/package.json: the dev-only @scrutineer/${target} may only be a devDependency (shipped code must not reach it)`
        );
      else if (!rule.mayUse.includes(target))
        problems.push(`${w.path}/package.json: may not depend on @scrutineer/${target}`);
    }
  }

  for (const w of [...workspaces, scripts]) {
    const dir = join(root, w.path);
    const deps = shippedDependencies(w.manifest);
    const devDeps = [...deps, ...Object.keys(w.manifest.devDependencies ?? {})];
    const rule = SHIPPED[w.name];
    const nodeParts = NODE_ENTRIES[w.name] ?? [];
    for (const file of sourceFiles(dir)) {
      const rel = relative(root, file);
      const inside = relative(dir, file);
      const dev = w.kind === 'dev' || isDevFile(inside);
      const nodePart = nodeParts.some((p) =>
        p.endsWith('/') ? inside.startsWith(p) : inside === p
      );
      const browserSafe = nodeParts.length > 0 && !nodePart;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(dir + '/'))
            problems.push(
              `${rel}: relative import ${spec} leaves ${w.path}: import the other workspace by its package name`
            );
          else if (browserSafe && !dev) {
            const targetInside = relative(dir, target);
            if (
              nodeParts.some((p) =>
                p.endsWith('/') ? targetInside.startsWith(p) : targetInside === p
              )
            )
              problems.push(`${rel}: the browser-safe ${w.name} imports its Node-only ${spec}`);
          }
          continue;
        }
        const builtin = spec.startsWith('node:') || isBuiltin(spec);
        if (!dev && TEST_ONLY_MODULES.test(spec))
          problems.push(`${rel}: shipped code imports the test-only ${spec}: move it to test code`);
        if (builtin) {
          if (w.kind === 'pure' && !dev) {
            const bare = spec.replace(/^node:/, '');
            if (browserSafe)
              problems.push(`${rel}: the browser-safe ${w.name} imports the Node built-in ${spec}`);
            else if (!(PURE_BUILTINS[w.name] ?? []).includes(bare))
              problems.push(`${rel}: pure library imports the Node built-in ${spec}`);
          }
          continue;
        }
        const pkg = packageOf(spec);
        if (pkg.startsWith(SCOPE)) {
          const target = pkg.slice(SCOPE.length);
          const targetWorkspace = byName.get(target);
          if (target === w.name) problems.push(`${rel}: imports its own package by name (${spec})`);
          else if (targetWorkspace === undefined)
            problems.push(`${rel}: imports ${spec}, which is no workspace of this repository`);
          else if (!dev && targetWorkspace.kind === 'dev')
            problems.push(`${rel}: shipped code imports the dev-only ${spec}`);
          else if (w !== scripts && !(dev ? devDeps : deps).includes(pkg))
            problems.push(
              `${rel}: imports ${spec}, not declared in ${w.path}/package.json ${dev ? 'dependencies or devDependencies' : 'dependencies'}`
            );
          else if (!dev && rule && !rule.mayUse.includes(target))
            problems.push(`${rel}: ${w.name} may not import ${spec} (see the arrows)`);
          if (
            !dev &&
            targetWorkspace?.kind === 'node-utility' &&
            (browserSafe || BROWSER_APPS.has(w.name))
          )
            problems.push(`${rel}: browser code imports the Node utility ${spec}`);
          if (spec !== pkg && !isEntry(spec))
            problems.push(
              `${rel}: deep import ${spec}: import the package root or an exported entry`
            );
          if (
            spec !== pkg &&
            isEntry(spec) &&
            BROWSER_APPS.has(w.name) &&
            !dev &&
            spec.endsWith('/node')
          )
            problems.push(`${rel}: imports the Node-only entry ${spec} into the browser`);
          continue;
        }
        if (!(dev ? devDeps : deps).includes(pkg))
          problems.push(
            `${rel}: imports ${pkg}, not declared in ${w.path === 'scripts' ? '' : `${w.path}/`}package.json ${dev ? 'dependencies or devDependencies' : 'dependencies'}`
          );
        if (w.kind === 'pure' && !dev && IMPURE_MODULES.test(spec))
          problems.push(`${rel}: pure library imports ${spec}`);
      }
    }
  }
  return problems;
}
