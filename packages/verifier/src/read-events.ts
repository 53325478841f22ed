/**
 * @module Streams the board log and checks its integrity as it goes (verification V2.1–V2.4):
 * canonical, well-formed events, consecutive positions, an unbroken hash chain, monotone time.
 * Yields each well-formed event with its hash and canonical line; malformed lines are reported and
 * skipped so the rest of the record is still checked (spec §9.5.2: a line that fails V2.1 takes part
 * in no other check but the chain and the Merkle log, which hash its bytes as they are).
 */
import {
  type BoardEvent,
  GENESIS_PREVIOUS,
  parseBoardEvent,
  err,
  parseCanonicalJson,
  recordError,
} from '@scrutineer/record';
import { bytesToHex, sha256, utf8 } from '@scrutineer/crypto';
import type { ReportBuilder } from './report.ts';

export interface ReadEvent {
  readonly event: BoardEvent;
  /** The event hash (spec §9.5), hex. */
  readonly hash: string;
  /** The canonical line as read (without newline): the Merkle leaf (spec §10.2). */
  readonly line: string;
}

/**
 * Reads lines, reporting V2.1–V2.4; `onLine` sees every line's UTF-8 bytes (well-formed or not)
 * for the Merkle log, encoded once for both hashes.
 */
export async function* readEvents(
  lines: AsyncIterable<string>,
  report: ReportBuilder,
  onLine: (bytes: Uint8Array) => void,
  endsWithLineFeed: () => Promise<boolean> = () => Promise.resolve(true)
): AsyncGenerator<ReadEvent> {
  let expectedPosition = 0;
  let previousHash = GENESIS_PREVIOUS;
  let previousTime = '';
  for (const id of ['V2.1', 'V2.2', 'V2.3', 'V2.4'] as const) report.reach(id);
  for await (const line of lines) {
    const bytes = utf8(line);
    onLine(bytes);
    const linePosition = expectedPosition;
    const hash = bytesToHex(sha256(bytes));
    expectedPosition++;
    const json: ReturnType<typeof parseCanonicalJson> =
      line === ''
        ? err(recordError('record/empty-line', 'a blank line (spec §10.1.4)'))
        : parseCanonicalJson(line);
    if (!json.ok) {
      report.fail(
        'V2.1',
        `line ${linePosition + 1}: ${json.error.code}: ${json.error.message}`,
        linePosition
      );
      previousHash = hash;
      continue;
    }
    const parsed = parseBoardEvent(json.value);
    if (!parsed.ok) {
      report.fail(
        'V2.1',
        `line ${linePosition + 1}: ${parsed.error.code}: ${parsed.error.message}`,
        linePosition
      );
      previousHash = hash;
      continue;
    }
    report.pass('V2.1');
    const event = parsed.value;
    report.check(
      'V2.2',
      event.position === linePosition,
      () => `line ${linePosition + 1} has position ${event.position}`,
      linePosition
    );
    report.check(
      'V2.3',
      event.previous === previousHash,
      () => `position ${linePosition} does not chain to the event before`,
      linePosition
    );
    report.check(
      'V2.4',
      event.time >= previousTime,
      () => `time ${event.time} is before ${previousTime}`,
      linePosition
    );
    previousHash = hash;
    previousTime = event.time > previousTime ? event.time : previousTime;
    yield { event, hash, line };
  }
  // Spec §10.1.4: every line, the last included, ends with one LF.
  if (!(await endsWithLineFeed()))
    report.fail(
      'V2.1',
      `line ${expectedPosition}: record/missing-final-newline: the last line has no LF`,
      expectedPosition - 1
    );
}
