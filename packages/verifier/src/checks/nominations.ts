/**
 * @module V1.3: the published nominations match the manifest (spec §9.2.6): the file is canonical
 * (one optional final LF), its hash is the manifest's, its threshold is the manifest's, the
 * candidates at or above it are exactly `qualified`, and those are exactly the ballot's candidates.
 * `qualified` is a set: order and the ballot's order are not compared.
 */
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import {
  type Manifest,
  parseCanonicalJson,
  parseNominationsFile,
  reachedThreshold,
} from '@scrutineer/record';
import type { RecordSource } from '../record-source.ts';
import type { ReportBuilder } from '../report.ts';

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  new Set(a).size === a.length &&
  new Set(b).size === b.length &&
  a.length === b.length &&
  a.every((x) => b.includes(x));

export async function checkNominations(
  source: RecordSource,
  manifest: Manifest,
  report: ReportBuilder
): Promise<void> {
  const nominations = manifest.nominations;
  if (nominations === undefined) return;
  const text = await source.readNominations();
  if (
    !report.check(
      'V1.3',
      text !== null,
      () => 'the manifest names nominations but nominations.json is missing'
    )
  )
    return;
  // Spec §9.2.6: the canonical text, then at most one LF; the hash is over the canonical bytes.
  const body = (text as string).endsWith('\n') ? (text as string).slice(0, -1) : (text as string);
  const parsed = parseCanonicalJson(body);
  if (!report.check('V1.3', parsed.ok, () => 'nominations.json is not canonical JSON')) return;
  report.check(
    'V1.3',
    bytesToHex(sha256(utf8(body))) === nominations.hash,
    () => 'nominations.json does not match the manifest hash'
  );
  const file = parsed.ok ? parseNominationsFile(parsed.value) : null;
  if (
    file !== null &&
    report.check(
      'V1.3',
      file.ok,
      () => `nominations.json: ${file.ok ? '' : `${file.error.code}: ${file.error.message}`}`
    ) &&
    file.ok
  ) {
    report.check(
      'V1.3',
      file.value.threshold === nominations.threshold,
      () =>
        `nominations.json has threshold ${file.value.threshold}, the manifest ${nominations.threshold}`
    );
    report.check(
      'V1.3',
      sameSet(reachedThreshold(file.value), nominations.qualified),
      () => 'the qualified candidates are not those at or above the threshold'
    );
  }
  const contest = manifest.contests.find((c) => c.id === 'leader') ?? manifest.contests[0];
  report.check(
    'V1.3',
    sameSet(
      nominations.qualified,
      (contest?.candidates ?? []).map((c) => c.id)
    ),
    () => 'the qualified candidates are not the candidates on the ballot'
  );
}
