/**
 * `npm run boundaries` on a copy of this checkout: passes as it is, and fails with a message that
 * names the file and the rule when one bad import is planted — shipped code reaching a tool or
 * the testkit, the web app importing the server, an undeclared third-party module, a relative
 * import out of a workspace, and test tooling in shipped source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'check-boundaries.ts');
const SKIP = new Set(['node_modules', '.git', 'fixtures', 'vectors', 'dist', '.tmp']);

/** A copy of the checkout's manifests and sources, without installed modules or generated data. */
function copyOfCheckout(): string {
  const copy = mkdtempSync(join(tmpdir(), 'boundaries-'));
  cpSync(root, copy, { recursive: true, filter: (source) => !SKIP.has(basename(source)) });
  return copy;
}

function boundaries(copy: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--root', copy], {
    encoding: 'utf8',
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

/**
 * A module that imports `names` from `spec`, built so that the check does not read this test
 * file's own text as importing `spec`.
 */
const importing = (names: string, spec: string): string =>
  ['export { ', names, " } from '", spec, "';\n"].join('');

/** Plants `text` at `path` in a fresh copy; returns the check's exit code and output. */
function withPlanted(path: string, text: string): { code: number | null; output: string } {
  const copy = copyOfCheckout();
  try {
    writeFileSync(join(copy, path), text);
    return boundaries(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

test('the checkout as it is follows every boundary rule', () => {
  const copy = copyOfCheckout();
  try {
    const { code, output } = boundaries(copy);
    assert.equal(code, 0, output);
    assert.match(output, /all imports follow the arrows/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('shipped code importing a dev-only tool fails, naming the file and the rule', () => {
  const { code, output } = withPlanted(
    'apps/server/src/planted.ts',
    importing('generateRecord', '@scrutineer/record-generator')
  );
  assert.equal(code, 1);
  assert.match(
    output,
    /apps\/server\/src\/planted\.ts: shipped code imports the dev-only @scrutineer\/record-generator/
  );
});

test('shipped code reaching a tool by relative path fails', () => {
  const { code, output } = withPlanted(
    'apps/cli/src/planted.ts',
    importing('main', '../../../tools/record-generator/src/main.ts')
  );
  assert.equal(code, 1);
  assert.match(output, /apps\/cli\/src\/planted\.ts: relative import .* leaves apps\/cli/);
});

test('shipped code importing the testkit fails even where it is a devDependency', () => {
  const { code, output } = withPlanted(
    'apps/server/src/planted.ts',
    importing('createTestElection', '@scrutineer/testkit')
  );
  assert.equal(code, 1);
  assert.match(
    output,
    /apps\/server\/src\/planted\.ts: shipped code imports the dev-only @scrutineer\/testkit/
  );
});

test('the web app importing the server fails', () => {
  const { code, output } = withPlanted(
    'apps/web/src/planted.ts',
    importing('startServer', '@scrutineer/server')
  );
  assert.equal(code, 1);
  assert.match(output, /apps\/web\/src\/planted\.ts: .*@scrutineer\/server/);
});

test('an undeclared third-party import fails, naming the package and the manifest', () => {
  const { code, output } = withPlanted(
    'packages/record/src/planted.ts',
    importing('Command', 'commander')
  );
  assert.equal(code, 1);
  assert.match(
    output,
    /packages\/record\/src\/planted\.ts: imports commander, not declared in packages\/record\/package\.json dependencies/
  );
});

test('a third-party import in scripts/ must be declared in the root package.json', () => {
  const { code, output } = withPlanted('scripts/planted.ts', importing('Command', 'commander'));
  assert.equal(code, 1);
  assert.match(output, /scripts\/planted\.ts: imports commander, not declared in package\.json/);
});

test('test tooling in shipped source fails', () => {
  const { code, output } = withPlanted(
    'apps/server/src/planted.ts',
    importing('ok', 'node:assert/strict')
  );
  assert.equal(code, 1);
  assert.match(
    output,
    /apps\/server\/src\/planted\.ts: shipped code imports the test-only node:assert\/strict/
  );
});
