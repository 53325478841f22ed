/**
 * @module Vectors for the event schemas (spec §9.5.1 times, §9.5.2 bodies, §9.2 text lengths): each
 * case is one board line and whether it is a well-formed event (V2.1). Invalid cases change one
 * field of a valid event, so each pins one rule.
 */
import assert from 'node:assert/strict';
import { bytesToHex } from '@scrutineer/crypto';
import { canonicalize, parseBoardEvent, parseCanonicalJson } from '@scrutineer/record';
import type { RecordVectorArea } from './area.ts';
import { vectorManifest } from './hash-vectors.ts';
import { recordVectorSource, seededStream } from './seeded.ts';

const SEED = 'scrutineer/record-vectors/event-schemas/v1';

type Json = Record<string, unknown>;

function event(type: string, body: unknown, time = '2026-03-01T09:00:05Z'): Json {
  return { body, position: 7, previous: 'ab'.repeat(32), time, type };
}

function outcome(line: string): Json {
  const json = parseCanonicalJson(line);
  if (!json.ok) return { valid: false, code: json.error.code };
  const parsed = parseBoardEvent(json.value);
  return parsed.ok
    ? { valid: true }
    : {
        valid: false,
        code: parsed.error.code,
        ...(parsed.error.path ? { path: parsed.error.path } : {}),
      };
}

function cases(): [string, Json][] {
  const s = seededStream(SEED);
  const point = (): string => s.pointHex();
  const h64 = (): string => bytesToHex(s.bytes(64));
  const credential = point();
  const batch = { batch: 'batch-1', contests: [{ counts: [3, 1] }], papers: 5, spoilt: 1 };
  const manifest = vectorManifest(SEED);
  const emoji = (n: number): string => '😂'.repeat(n);
  return [
    ['election-close', event('election-close', {})],
    ['election-close with a member', event('election-close', { extra: 1 })],
    ['postal-received', event('postal-received', { credential })],
    [
      'postal-received, upper-case hex',
      event('postal-received', { credential: credential.toUpperCase() }),
    ],
    ['postal-received, 31-byte key', event('postal-received', { credential: credential.slice(2) })],
    [
      'cast-refused',
      event('cast-refused', { channel: 'postal', credential, reason: 'already-voted-online' }),
    ],
    [
      'cast-refused, unknown reason',
      event('cast-refused', { channel: 'online', credential, reason: 'too-late' }),
    ],
    [
      'cast-refused, unknown channel',
      event('cast-refused', { channel: 'fax', credential, reason: 'credential-revoked' }),
    ],
    ['postal-batch', event('postal-batch', batch)],
    [
      'postal-batch, negative count',
      event('postal-batch', { ...batch, contests: [{ counts: [-1, 5] }] }),
    ],

    [
      'postal-batch, batch name with a space',
      event('postal-batch', { ...batch, batch: 'batch 1' }),
    ],
    [
      'postal-batch, 65-character batch name',
      event('postal-batch', { ...batch, batch: 'b'.repeat(65) }),
    ],
    // Spec §13.2.1: the batch's ballot style, a category id.
    ['postal-batch of one ballot style', event('postal-batch', { ...batch, style: 'north' })],
    [
      'postal-batch, style not a category id',
      event('postal-batch', { ...batch, style: 'North region' }),
    ],
    [
      'encrypted-tally of no ballot: (O, O) aggregates',
      event('encrypted-tally', {
        ballots: 0,
        contests: [{ options: ['00'.repeat(64), '00'.repeat(64)] }],
      }),
    ],
    [
      'credential-replaced',
      event('credential-replaced', { replacement: point(), revoked: credential }),
    ],
    [
      'election-open, count as a string',
      event('election-open', {
        baseHash: h64().slice(0, 64),
        credentialCount: '3',
        credentialListHash: h64().slice(0, 64),
      }),
    ],
    ['time on 29 February of a leap year', event('election-close', {}, '2028-02-29T23:59:59Z')],
    ['time on 29 February of a common year', event('election-close', {}, '2027-02-29T12:00:00Z')],
    [
      'time on 29 February 2100 (not a leap year)',
      event('election-close', {}, '2100-02-29T12:00:00Z'),
    ],
    ['time on 29 February 2000 (a leap year)', event('election-close', {}, '2000-02-29T12:00:00Z')],
    ['time on 30 February', event('election-close', {}, '2026-02-30T00:00:00Z')],
    ['time at hour 25', event('election-close', {}, '2026-11-01T25:00:00Z')],
    ['time at hour 24', event('election-close', {}, '2026-11-01T24:00:00Z')],
    ['time with a leap second', event('election-close', {}, '2016-12-31T23:59:60Z')],
    ['time in month 13', event('election-close', {}, '2026-13-01T00:00:00Z')],
    ['time on 31 April', event('election-close', {}, '2026-04-31T00:00:00Z')],
    ['time with a fraction of a second', event('election-close', {}, '2026-03-01T09:00:05.000Z')],
    ['time with an offset', event('election-close', {}, '2026-03-01T09:00:05+00:00')],
    ['time with a lower-case z', event('election-close', {}, '2026-03-01T09:00:05z')],
    ['unknown event type', event('ballot-stuffed', {})],
    ['negative position', { ...event('election-close', {}), position: -1 }],
    ['setup with a valid manifest', event('election-setup', manifest)],
    [
      'setup whose title is 200 emoji (200 code points, 400 UTF-16 units)',
      event('election-setup', { ...manifest, title: emoji(200) }),
    ],
    ['setup whose title is 201 emoji', event('election-setup', { ...manifest, title: emoji(201) })],
    [
      'setup whose window opens on 30 February',
      event('election-setup', {
        ...manifest,
        window: { closes: '2026-03-08T09:00:00Z', opens: '2026-02-30T09:00:00Z' },
      }),
    ],
  ];
}

export const eventSchemasArea: RecordVectorArea = {
  file: 'event-schemas.json',
  make: () => ({
    source: recordVectorSource(SEED, '§9.5.1, §9.5.2, §9.2'),
    description:
      'Spec §9.5.1–§9.5.2 (and §9.2 for the setup event). `line` is one line of board.jsonl (canonical JSON); `valid` says whether it is a well-formed board event, which a verifier MUST decide alike (V2.1); `code` and `path` are what our reader reports and SHOULD be reported. Keys and hashes are random; whether they are points or hash anything is not a schema question.',
    cases: cases().map(([name, value]) => {
      const line = canonicalize(value);
      return { name, line, ...outcome(line) };
    }),
  }),
  check: (content) => {
    for (const c of content.cases) {
      const { name, line, ...expected } = c;
      assert.deepEqual(outcome(line as string), expected, name as string);
    }
  },
};
