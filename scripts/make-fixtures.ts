/**
 * Regenerates the verifier's golden fixtures (packages/verifier/fixtures/, see its README): one
 * folder per fixture with the record bundle in `record/` and the verdict in `expected.json`, then
 * runs the verifier on every folder and compares. A difference is printed and makes the exit code 1:
 * either the fixture or the verifier is wrong, and the expectation in the catalogue (the spec's
 * answer) is never adjusted to whatever the verifier happens to say.
 *
 *   npx tsx scripts/make-fixtures.ts              # all fixtures
 *   npx tsx scripts/make-fixtures.ts tampered-v5  # only names containing a fragment
 *
 * Every fixture is built with the platform randomness replaced by a stream seeded with its name
 * (scripts/fixtures/fixture-files.ts), so a run writes the same bytes as the last;
 * scripts/fixtures/reproducible.test.ts checks that against the committed files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadGroup } from '@scrutineer/crypto';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import type { FixtureDefinition } from './fixtures/fixture.ts';
import { compareIds, fixtureFiles, sortedFaults } from './fixtures/fixture-files.ts';
import { FIXTURES } from './fixtures/catalogue.ts';
import { fixturesReadme } from './fixtures/readme.ts';

const root = new URL('../packages/verifier/fixtures/', import.meta.url).pathname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const selected = FIXTURES.filter(
  (f) => filters.length === 0 || filters.some((x) => f.name.includes(x))
);
const group = await loadGroup('sodium');
mkdirSync(root, { recursive: true });

function write(definition: FixtureDefinition): void {
  const dir = join(root, definition.name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, bytes] of fixtureFiles(definition, group)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

const seen = new Set<string>();
for (const f of FIXTURES) {
  if (seen.has(f.name)) throw new Error(`duplicate fixture name ${f.name}`);
  seen.add(f.name);
}
if (filters.length === 0) {
  for (const name of readdirSync(root)) {
    if (/^(valid|tampered)-/.test(name) && !seen.has(name))
      rmSync(join(root, name), { recursive: true, force: true });
  }
}

let mismatches = 0;
for (const definition of selected) {
  const started = performance.now();
  write(definition);
  const report = await verifyRecord(recordDirectory(join(root, definition.name, 'record')), {
    group,
  });
  const failing = report.checks
    .filter((c) => c.status === 'failed')
    .map((c) => c.id)
    .sort(compareIds);
  const expected = [...definition.failing].sort(compareIds);
  const faults = JSON.stringify(
    sortedFaults(report.faults.map((f) => ({ ...f, trustee: f.party.trustee })))
  );
  const expectedFaults = JSON.stringify(sortedFaults(definition.faults ?? []));
  const same =
    report.ok === definition.valid &&
    report.stage === definition.stage &&
    failing.join() === expected.join() &&
    faults === expectedFaults;
  const ms = (performance.now() - started).toFixed(0);
  console.log(
    `${same ? 'ok  ' : 'DIFF'} ${definition.name.padEnd(44)} ${ms.padStart(5)} ms  expected [${expected.join(', ')}] ${definition.stage}`
  );
  if (!same) {
    mismatches++;
    console.log(
      `     verifier: ok=${report.ok} stage=${report.stage} failing [${failing.join(', ')}]`
    );
    if (faults !== expectedFaults)
      console.log(`     faults: expected ${expectedFaults}\n             verifier ${faults}`);
    for (const check of report.checks.filter((c) => c.status === 'failed')) {
      console.log(
        `       ${check.id}: ${check.failures.map((x) => `${x.position ?? '-'}: ${x.message}`).join(' | ')}`
      );
    }
  }
}
writeFileSync(join(root, 'README.md'), fixturesReadme(FIXTURES));
console.log(`${selected.length} fixtures written, ${mismatches} differ from the verifier`);
process.exit(mismatches === 0 ? 0 : 1);
