/**
 * @module V2.9–V2.10: the witnesses' co-signatures (spec §10.6). V2.9: each is by a witness the
 * manifest names and verifies. V2.10: each co-signs a checkpoint of the record (whose root V2.7
 * recomputes from the log), so no two co-signed checkpoints of one size differ — what a board that
 * showed a witness another log would leave.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type Cosignature,
  type Manifest,
  cosignatureFault,
  parseCanonicalJson,
  parseCosignature,
} from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';

/** Reads `cosignatures.jsonl` (V2.9: each line canonical and well formed). */
export async function readCosignatures(
  lines: AsyncIterable<string>,
  report: ReportBuilder
): Promise<Cosignature[]> {
  const cosignatures: Cosignature[] = [];
  let index = 0;
  for await (const line of lines) {
    index++;
    const json = parseCanonicalJson(line);
    const parsed = json.ok ? parseCosignature(json.value) : json;
    if (parsed.ok) cosignatures.push(parsed.value);
    else
      report.fail(
        'V2.9',
        `co-signature line ${index}: ${parsed.error.code}: ${parsed.error.message}`
      );
  }
  return cosignatures;
}

/**
 * V2.9–V2.10 once the log is read. `holds(size, root)` says whether the record has that checkpoint.
 */
export function checkCosignatures(
  group: Group,
  manifest: Manifest,
  cosignatures: readonly Cosignature[],
  holds: (size: number, root: string) => boolean,
  report: ReportBuilder
): void {
  report.reach('V2.9');
  report.reach('V2.10');
  const seen = new Set<string>();
  const rootAtSize = new Map<number, string>();
  for (const cosignature of cosignatures) {
    const at = `co-signature at size ${cosignature.size}`;
    const fault = cosignatureFault(group, manifest, cosignature);
    report.check('V2.9', fault === null, () => `${at}: ${fault ?? ''}`);
    report.check(
      'V2.10',
      holds(cosignature.size, cosignature.root),
      () => `${at}: co-signs a checkpoint that is not one of the record's`
    );
    const key = `${cosignature.size}/${cosignature.witness}`;
    report.check('V2.9', !seen.has(key), () => `${at}: the witness co-signed this size twice`);
    seen.add(key);
    const root = rootAtSize.get(cosignature.size);
    report.check(
      'V2.10',
      root === undefined || root === cosignature.root,
      () => `${at}: two co-signed checkpoints of this size state different roots (a forked log)`
    );
    if (root === undefined) rootAtSize.set(cosignature.size, cosignature.root);
  }
}
