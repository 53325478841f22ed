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
 * Generation uses the CSPRNG (the protocol code does), so every run changes the bytes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '@scrutineer/record';
import { loadGroup } from '@scrutineer/crypto';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import type { ExpectedFault, FixtureDefinition } from './fixtures/fixture.ts';
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
  mkdirSync(join(dir, 'record'), { recursive: true });
  const { files, secrets } = definition.build(group);
  if (files.format !== null) writeFileSync(join(dir, 'record', 'format.json'), files.format);
  writeFileSync(join(dir, 'record', 'board.jsonl'), files.board);
  writeFileSync(join(dir, 'record', 'checkpoints.jsonl'), files.checkpoints);
  if (files.cosignatures !== undefined)
    writeFileSync(join(dir, 'record', 'cosignatures.jsonl'), files.cosignatures);
  if (files.nominations !== undefined)
    writeFileSync(join(dir, 'record', 'nominations.json'), files.nominations);
  const faults = sortedFaults(definition.faults ?? []);
  const expected = {
    valid: definition.valid,
    stage: definition.stage,
    failing: [...definition.failing].sort(compareIds),
    ...(faults.length === 0 ? {} : { faults }),
  };
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  if (secrets !== undefined) writeFileSync(join(dir, 'secrets.json'), `${canonicalize(secrets)}\n`);
}

/** V5.10 after V5.9: compares ids by their numbers. */
export function compareIds(a: string, b: string): number {
  const [a1, a2] = a.slice(1).split('.').map(Number) as [number, number];
  const [b1, b2] = b.slice(1).split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

/** Faults in a stable order: by check, then trustee, then code. */
export function sortedFaults(faults: readonly ExpectedFault[]): ExpectedFault[] {
  return faults
    .map(({ check, trustee, code }) => ({ check, trustee, code }))
    .sort(
      (a, b) =>
        compareIds(a.check, b.check) || a.trustee - b.trustee || a.code.localeCompare(b.code)
    );
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
