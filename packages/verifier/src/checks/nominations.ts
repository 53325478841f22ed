/** @module V1.3: the published nominations match the manifest (spec §9.2.6). */
import { bytesToHex, sha256 } from '@scrutineer/crypto';
import { type Manifest, canonicalBytes, parseCanonicalJson } from '@scrutineer/record';
import type { RecordSource } from '../record-source.ts';
import type { ReportBuilder } from '../report.ts';

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
  const parsed = parseCanonicalJson((text as string).trimEnd());
  if (!report.check('V1.3', parsed.ok, () => 'nominations.json is not canonical JSON')) return;
  const hash = parsed.ok ? bytesToHex(sha256(canonicalBytes(parsed.value))) : '';
  report.check(
    'V1.3',
    hash === nominations.hash,
    () => 'nominations.json does not match the manifest hash'
  );
  const contest = manifest.contests.find((c) => c.id === 'leader') ?? manifest.contests[0];
  const onBallot = (contest?.candidates ?? [])
    .map((c) => c.id)
    .sort()
    .join();
  report.check(
    'V1.3',
    [...nominations.qualified].sort().join() === onBallot,
    () => 'the qualified candidates are not the candidates on the ballot'
  );
}
