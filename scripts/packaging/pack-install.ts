/**
 * @module Installs the published packages as an auditor would, without the repository: packs each
 * workspace a published package needs (`npm pack`, whose prepack builds it, docs/decisions/0005)
 * and installs the tarballs into an empty folder with `npm ci --offline`. Our packages come from
 * the tarballs, never a registry; third-party packages from the local npm cache, at the versions
 * of the repository's package-lock.json, through a lock written for that folder. Only what the
 * published manifests declare is installed, so an undeclared import, a file left out of the
 * tarball or a run-time need for tsx shows up as a failure there.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const SCOPE = '@scrutineer/';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly bin?: Record<string, string>;
  readonly engines?: Record<string, string>;
}

interface LockEntry extends Partial<Manifest> {
  readonly link?: boolean;
  readonly resolved?: string;
  readonly integrity?: string;
}

/** One packed workspace: its folder in the repository and its tarball. */
export interface PackedWorkspace {
  readonly name: string;
  readonly version: string;
  readonly folder: string;
  readonly tarball: string;
  readonly integrity: string;
  /** The manifest inside the tarball (the published one). */
  readonly manifest: Manifest;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const lock = (): { packages: Record<string, LockEntry> } =>
  readJson(join(root, 'package-lock.json'));

/** Folder (relative to the root) of every workspace, by package name. */
function workspaceFolders(): Map<string, string> {
  const folders = new Map<string, string>();
  for (const [path, entry] of Object.entries(lock().packages)) {
    if (path.startsWith('node_modules/') || path.includes('/node_modules/') || path === '')
      continue;
    if (entry.name !== undefined) folders.set(entry.name, path);
  }
  return folders;
}

/** `names` and every workspace they depend on at run time (not optional peers), dependencies first. */
export function publishedClosure(names: readonly string[]): string[] {
  const folders = workspaceFolders();
  const order: string[] = [];
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    const folder = folders.get(name);
    if (folder === undefined) throw new Error(`${name} is not a workspace`);
    const manifest = readJson<Manifest>(join(root, folder, 'package.json'));
    if (manifest.private === true)
      throw new Error(`${name} is needed by a published package but private`);
    for (const dep of Object.keys(manifest.dependencies ?? {}))
      if (dep.startsWith(SCOPE)) visit(dep);
    order.push(name);
  };
  for (const name of names) visit(name);
  return order;
}

/** Builds every published workspace (tsc -b), then packs `names` into `destination`. */
export function packWorkspaces(names: readonly string[], destination: string): PackedWorkspace[] {
  const folders = workspaceFolders();
  // Built first, in the open, so that a compile error is shown (npm pipes prepack's output away).
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const args = ['pack', '--json', '--pack-destination', destination];
  for (const name of names) args.push('-w', folders.get(name) ?? name);
  const packed = JSON.parse(execFileSync('npm', args, { cwd: root, encoding: 'utf8' })) as {
    name: string;
    version: string;
    filename: string;
    integrity: string;
  }[];
  return packed.map((p) => {
    const tarball = join(destination, p.filename);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })
    ) as Manifest;
    return { ...p, folder: folders.get(p.name) ?? '', tarball, manifest };
  });
}

/**
 * The lock entries of the third-party packages `packed` needs, found in the repository's lock the
 * way Node resolves them (the nearest node_modules upwards), at the paths they will have in the
 * auditor's folder (a workspace's own node_modules moves under node_modules/@scrutineer/…).
 */
function thirdPartyEntries(packed: readonly PackedWorkspace[]): Record<string, LockEntry> {
  const entries = lock().packages;
  const out: Record<string, LockEntry> = {};
  const resolve = (from: string, dep: string): string | undefined => {
    for (let at = from; ;) {
      const path = `${at === '' ? '' : `${at}/`}node_modules/${dep}`;
      if (entries[path] !== undefined) return path;
      if (at === '') return undefined;
      const up = at.lastIndexOf('/node_modules/');
      at = up === -1 ? '' : at.slice(0, up);
    }
  };
  const visit = (from: string, mapped: (path: string) => string, deps: Record<string, string>) => {
    for (const dep of Object.keys(deps)) {
      if (dep.startsWith(SCOPE)) continue;
      const path = resolve(from, dep);
      if (path === undefined)
        throw new Error(`${dep} (needed from ${from || 'the root'}) is not in package-lock.json`);
      const target = mapped(path);
      if (out[target] !== undefined) continue;
      const entry = entries[path] as LockEntry;
      const { name: _name, ...rest } = entry;
      out[target] = {
        ...rest,
        resolved: `https://registry.npmjs.org/${dep}/-/${dep.split('/').pop() ?? dep}-${entry.version ?? ''}.tgz`,
      };
      visit(path, mapped, {
        ...entry.dependencies,
        ...entry.optionalDependencies,
        ...requiredPeers(entry),
      });
    }
  };
  for (const p of packed) {
    const moved = (path: string): string =>
      path.startsWith(`${p.folder}/`)
        ? `node_modules/${p.name}/${path.slice(p.folder.length + 1)}`
        : path;
    visit(p.folder, moved, p.manifest.dependencies ?? {});
  }
  return out;
}

function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[]
): Partial<Pick<T, K>> {
  return Object.fromEntries(
    keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])
  ) as Partial<Pick<T, K>>;
}

function requiredPeers(entry: LockEntry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.peerDependencies ?? {}).filter(
      ([name]) => entry.peerDependenciesMeta?.[name]?.optional !== true
    )
  );
}

/** Installs `packed` into the empty folder `dir` (npm ci --offline) and returns `dir`. */
export function installTarballs(packed: readonly PackedWorkspace[], dir: string): string {
  const spec = (p: PackedWorkspace): string => `file:${relative(dir, p.tarball)}`;
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, spec(p)]));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'auditor', private: true, dependencies }, null, 2)}\n`
  );
  const ours = Object.fromEntries(
    packed.map((p) => {
      const m = p.manifest;
      const entry: LockEntry = {
        version: m.version,
        resolved: spec(p),
        integrity: p.integrity,
        ...pick(m, [
          'license',
          'dependencies',
          'peerDependencies',
          'peerDependenciesMeta',
          'bin',
          'engines',
        ]),
      };
      return [`node_modules/${p.name}`, entry];
    })
  );
  const packageLock = {
    name: 'auditor',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'auditor', dependencies }, ...ours, ...thirdPartyEntries(packed) },
  };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(packageLock, null, 2)}\n`);
  execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}
