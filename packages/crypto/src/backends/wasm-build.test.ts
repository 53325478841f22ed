/**
 * @module The committed ristretto255.wasm is what its source builds (spec §2.9): build.sh rebuilds
 * it from Debian's libdecaf source and ristretto-wasm.c, and the bytes must be identical. Skipped,
 * with the reason, where the toolchain (clang-14, lld-14, wasi-libc, cmake) or the source package
 * is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';

const wasmDirectory = fileURLToPath(new URL('../../wasm/', import.meta.url));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const scratch = mkdtempSync(join(tmpdir(), 'wasm-rebuild-'));
const rebuilt = join(scratch, 'ristretto255.wasm');
const run = spawnSync(
  'sh',
  [join(wasmDirectory, 'build.sh'), process.env.LIBDECAF_TARBALL ?? '', rebuilt],
  {
    encoding: 'utf8',
    timeout: 300_000,
  }
);
const skip = run.status === 3 ? `toolchain or source missing: ${run.stderr.trim()}` : false;

it('rebuilding ristretto255.wasm reproduces the committed bytes', { skip }, () => {
  try {
    assert.equal(run.status, 0, run.stderr);
    const committed = readFileSync(join(wasmDirectory, 'ristretto255.wasm'));
    assert.equal(sha256(readFileSync(rebuilt)), sha256(committed));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
