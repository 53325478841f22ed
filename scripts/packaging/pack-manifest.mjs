#!/usr/bin/env node
/**
 * @module The `prepack` and `postpack` step of every published workspace (docs/decisions/0005).
 * In the repository a package's `exports` and `bin` name its TypeScript sources, which tsx runs
 * without a build; the published package is JavaScript with declarations, built here by tsc.
 *
 * `prepack` (npm runs it in the package's folder before `npm pack` and `npm publish`, and re-reads
 * package.json afterwards): builds the package (`tsc -b tsconfig.build.json`, which builds the
 * workspaces it references first), keeps package.json as package.dev.json, and writes the
 * published manifest: `publishConfig.exports`/`bin` replace the source entries (pnpm's convention),
 * each `@scrutineer/*` dependency names the exact version of that workspace, and the scripts and
 * devDependencies, which only the repository can run, are left out. `postpack` puts the
 * repository's package.json back.
 *
 * Usage (from a package's folder): node ../../scripts/packaging/pack-manifest.mjs prepack|postpack
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');

/** The fields of `publishConfig` that replace the manifest's own (the rest is npm configuration). */
const ENTRY_FIELDS = ['exports', 'bin', 'main', 'types'];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every workspace's version by name, for pinning `@scrutineer/*` dependencies. */
function workspaceVersions() {
  const versions = new Map();
  for (const pattern of readJson(join(root, 'package.json')).workspaces) {
    const parent = join(root, pattern.replace(/\/\*$/, ''));
    for (const name of existsSync(parent) ? readdirSync(parent) : []) {
      const path = join(parent, name, 'package.json');
      if (!existsSync(path)) continue;
      const manifest = readJson(path);
      versions.set(manifest.name, manifest.version);
    }
  }
  return versions;
}

/** The manifest npm packs: entries from `publishConfig`, our dependencies pinned, no dev fields. */
export function publishedManifest(manifest, versions) {
  const { scripts: _scripts, devDependencies: _dev, publishConfig = {}, ...published } = manifest;
  const config = { ...publishConfig };
  for (const field of ENTRY_FIELDS) {
    if (!(field in config)) continue;
    published[field] = config[field];
    delete config[field];
  }
  if (Object.keys(config).length > 0) published.publishConfig = config;
  for (const field of ['dependencies', 'peerDependencies']) {
    const deps = published[field];
    if (deps === undefined) continue;
    published[field] = Object.fromEntries(
      Object.entries(deps).map(([name, range]) => {
        const version = name.startsWith('@scrutineer/') ? versions.get(name) : undefined;
        return [name, version ?? range];
      })
    );
  }
  return published;
}

function prepack(packageDir) {
  const manifestPath = join(packageDir, 'package.json');
  const keptPath = join(packageDir, 'package.dev.json');
  if (existsSync(keptPath))
    throw new Error(
      `${keptPath} exists: an earlier pack did not finish; move it back to package.json first`
    );
  const manifest = readJson(manifestPath);
  if (manifest.private === true) throw new Error(`${manifest.name} is private: not published`);
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
  const published = publishedManifest(manifest, workspaceVersions());
  renameSync(manifestPath, keptPath);
  writeFileSync(manifestPath, `${JSON.stringify(published, null, 2)}\n`);
}

function postpack(packageDir) {
  const keptPath = join(packageDir, 'package.dev.json');
  if (existsSync(keptPath)) renameSync(keptPath, join(packageDir, 'package.json'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const step = process.argv[2];
  if (step === 'prepack') prepack(process.cwd());
  else if (step === 'postpack') postpack(process.cwd());
  else {
    console.error(`pack-manifest: unknown step ${step} (prepack or postpack)`);
    process.exit(2);
  }
}
