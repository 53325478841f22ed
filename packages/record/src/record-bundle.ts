/**
 * @module The record bundle's fixed bytes (spec §9.1, §10.1.4): `format.json` is exactly one
 * canonical line, and the JSON Lines files end every line, the last included, with one line feed.
 */

/** Spec §9.1: the whole of `format.json`, byte for byte (43 bytes: the 42-byte canonical text and one LF). */
export const RECORD_FORMAT_FILE = '{"format":"scrutineer-record","version":1}\n';

/** Spec §10.1.4: the reader codes of a JSON Lines file's framing. */
export type JsonLinesFraming = 'record/missing-final-newline' | 'record/empty-line';
