#!/usr/bin/env node
/**
 * @module Builds the native ristretto255 addon (packages/crypto/native/ristretto.c → build/
 * ristretto.node) against Node's own headers (node_api.h) and the system libdecaf (Debian:
 * `apt-get install libdecaf-dev`). Plain `cc`, no node-gyp: the addon is one C file and the
 * multi-scalar multiplication it includes (msm.h, shared with the WebAssembly build).
 *
 * Idempotent: the output records a hash of the source and the compiler command, and is rebuilt
 * only when either changed. `--if-possible` exits 0 (with a note) when no compiler, Node headers
 * or libdecaf are present, so callers that merely prefer the native backend can always run it.
 * Usage: npm run build:native [-- --if-possible] [-- --force]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../native');
const source = join(nativeDir, 'ristretto.c');
/** Included by ristretto.c (and by the WebAssembly build): part of what the stamp covers. */
const header = join(nativeDir, 'msm.h');
const output = join(nativeDir, 'build', 'ristretto.node');
const stamp = `${output}.stamp`;
const ifPossible = process.argv.includes('--if-possible');
const force = process.argv.includes('--force');

function giveUp(message) {
  if (!ifPossible) {
    console.error(`build:native: ${message}`);
    process.exit(1);
  }
  console.warn(`build:native: skipped (${message}); the sodium backend will be used`);
  process.exit(0);
}

/** Node's headers: npm's `nodedir`, else next to the running node binary, else /usr. */
function nodeHeaders() {
  const candidates = [
    process.env.npm_config_nodedir,
    resolve(dirname(process.execPath), '..'),
    '/usr/local',
    '/usr',
  ].filter((dir) => dir !== undefined && dir !== '');
  for (const dir of candidates) {
    const include = join(dir, 'include', 'node');
    if (existsSync(join(include, 'node_api.h'))) return include;
  }
  return giveUp('node_api.h not found (install Node headers or set npm nodedir)');
}

const decafInclude = ['/usr/include/decaf', '/usr/local/include/decaf'].find((dir) =>
  existsSync(join(dir, 'decaf.h'))
);
if (decafInclude === undefined) giveUp('libdecaf headers not found (apt-get install libdecaf-dev)');

const compiler = process.env.CC ?? 'cc';
const args = [
  '-O2',
  '-std=c11',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-shared',
  '-fPIC',
  `-I${nodeHeaders()}`,
  `-I${decafInclude}`,
  source,
  '-ldecaf',
];
const fingerprint = createHash('sha256')
  .update(readFileSync(source))
  .update(readFileSync(header))
  .update(JSON.stringify([compiler, args, process.versions.napi]))
  .digest('hex');

if (
  !force &&
  existsSync(output) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === fingerprint
) {
  console.log(`build:native: up to date (${output})`);
  process.exit(0);
}
mkdirSync(dirname(output), { recursive: true });
const partial = `${output}.partial`;
try {
  execFileSync(compiler, [...args, '-o', partial], { stdio: 'inherit' });
} catch (error) {
  giveUp(`${compiler} failed: ${error.message}`);
}
// Rename last, so a concurrent reader never loads a half-written library.
renameSync(partial, output);
writeFileSync(stamp, fingerprint);
console.log(`build:native: built ${output}`);
