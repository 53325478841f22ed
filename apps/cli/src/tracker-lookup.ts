/**
 * @module Finds a ballot tracker on a record's board and the first checkpoint that covers it
 * (`verify --tracker`). The verifier has already checked the checkpoints' roots, so a
 * covering checkpoint proves the ballot is in the log that checkpoint signs.
 */
import { parseCanonicalJson, parseCheckpoint, type Checkpoint } from '@scrutineer/record';
import type { RecordSource } from '@scrutineer/verifier';

export type TrackerFinding =
  | { readonly tracker: string; readonly found: false }
  | {
      readonly tracker: string;
      readonly found: true;
      readonly kind: 'cast' | 'audited';
      readonly position: number;
      readonly time: string;
      readonly checkpoint: Checkpoint | null;
    };

export async function findTracker(source: RecordSource, tracker: string): Promise<TrackerFinding> {
  const wanted = tracker.trim().toLowerCase();
  let hit: { kind: 'cast' | 'audited'; position: number; time: string } | null = null;
  for await (const line of source.boardLines()) {
    if (!line.includes(wanted)) continue;
    const event = JSON.parse(line) as {
      type: string;
      position: number;
      time: string;
      body: { tracker?: string };
    };
    if (
      event.body.tracker === wanted &&
      (event.type === 'ballot-cast' || event.type === 'ballot-audited')
    ) {
      hit = {
        kind: event.type === 'ballot-cast' ? 'cast' : 'audited',
        position: event.position,
        time: event.time,
      };
      break;
    }
  }
  if (hit === null) return { tracker: wanted, found: false };
  let covering: Checkpoint | null = null;
  for await (const line of source.checkpointLines()) {
    const json = parseCanonicalJson(line);
    const parsed = json.ok ? parseCheckpoint(json.value) : null;
    if (
      parsed?.ok === true &&
      parsed.value.size > hit.position &&
      (covering === null || parsed.value.size < covering.size)
    )
      covering = parsed.value;
  }
  return { tracker: wanted, found: true, ...hit, checkpoint: covering };
}
