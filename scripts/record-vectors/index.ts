/** @module Every record-layer vector area, in the order the files are listed (spec README). */
import type { RecordVectorArea } from './area.ts';
import { canonicalJsonArea } from './json-vectors.ts';
import { eventSchemasArea } from './event-vectors.ts';
import { checkpointArea, merkleArea, setupHashesArea } from './hash-vectors.ts';
import { prepareRecordVector, recordArea } from './record-vector.ts';
import { witnessArea } from './witness-vectors.ts';

export const recordVectorAreas: readonly RecordVectorArea[] = [
  canonicalJsonArea,
  eventSchemasArea,
  setupHashesArea,
  merkleArea,
  checkpointArea,
  witnessArea,
  recordArea,
];

/** Work an area's make() needs done first (the whole-record verdicts are computed asynchronously). */
export async function prepareRecordVectors(): Promise<void> {
  await prepareRecordVector();
}
