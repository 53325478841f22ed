/**
 * @module Canonical JSON (spec §10.1): the one byte encoding of every record value, RFC 8785 (JCS)
 * restricted to what the record needs. Writing goes through {@link canonicalize}; reading through
 * {@link parseCanonicalJson}, which accepts a text only if it is byte-identical to the canonical
 * re-serialisation of what it parses to. So every value has exactly one encoding, its hash is well
 * defined, and two verifiers can never disagree about whether a line is well formed.
 *
 * The serialiser is the `canonicalize` package by Samuel Erdtman, a co-author of RFC 8785; this
 * module adds the record's profile on top (safe integers, plain data, unique keys, depth).
 */
import jcsSerialize from 'canonicalize';
import { utf8 } from '@scrutineer/crypto';
import {
  type RecordError,
  RecordFailure,
  type Result,
  err,
  jsonPointerToken,
  ok,
  recordError,
} from './result.ts';

/** Containers (arrays, objects) may nest at most this deep (spec §10.1.2 rule 9). */
export const MAX_JSON_DEPTH = 64;

/** The codes this module reports, in the order of precedence of spec §10.1.3 and §10.1.4. */
export type CanonicalJsonErrorCode =
  | 'record/missing-final-newline'
  | 'record/empty-line'
  | 'record/invalid-utf8'
  | 'record/invalid-json'
  | 'record/duplicate-key'
  | 'record/too-deep'
  | 'record/unsafe-number'
  | 'record/invalid-string'
  | 'record/unsupported-value'
  | 'record/non-canonical-json';

/**
 * Spec §10.1.1–§10.1.2: the canonical JSON text of `value`. Throws {@link RecordFailure} when `value` is not
 * record data: a number that is not a safe integer (non-finite, fractional, |n| > 2^53 − 1),
 * `undefined`, a bigint, function or symbol, a string with a lone surrogate, an array hole, an
 * object that is not plain (Date, Map, Uint8Array, class instance), or nesting deeper than
 * {@link MAX_JSON_DEPTH}. Handing such a value to the encoder is a bug in the caller.
 */
export function canonicalize(value: unknown): string {
  const problem = findUnrepresentable(value);
  if (problem !== undefined) throw new RecordFailure(problem);
  return serialize(value);
}

/** The UTF-8 bytes of {@link canonicalize}: what the record hashes and signs. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalize(value));
}

/**
 * Spec §10.1.3: parses one canonical JSON text. The checks, in the order their failures are
 * reported: valid JSON (`record/invalid-json`); no object with two equal keys
 * (`record/duplicate-key`); record data only (`record/too-deep`, `record/unsafe-number`,
 * `record/invalid-string`); byte-identical to its canonical form (`record/non-canonical-json`,
 * which covers whitespace, key order, escapes and number spellings such as `1.0`, `1e2`, `-0`).
 */
export function parseCanonicalJson(text: string): Result<unknown, RecordError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(recordError('record/invalid-json', `not valid JSON: ${reason}`));
  }
  const problem = findUnrepresentable(value);
  if (problem === undefined) {
    const canonical = serialize(value);
    if (canonical === text) return ok(value);
    // A text with a duplicate key always differs from its re-serialisation (one member is lost),
    // so the duplicate scan only runs on this slow path.
    const duplicate = findDuplicateKey(text);
    if (duplicate !== undefined) return err(duplicate);
    const at = firstDifference(text, canonical);
    return err(
      recordError(
        'record/non-canonical-json',
        `not in canonical form (RFC 8785): differs at character ${at} ` +
          `(${JSON.stringify(text.slice(at, at + 12))} where the canonical text has ` +
          `${JSON.stringify(canonical.slice(at, at + 12))})`
      )
    );
  }
  return err(findDuplicateKey(text) ?? problem);
}

/** Parses canonical JSON from bytes, which MUST be UTF-8 without a byte-order mark. */
export function parseCanonicalJsonBytes(bytes: Uint8Array): Result<unknown, RecordError> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return err(recordError('record/invalid-utf8', 'not valid UTF-8'));
  return parseCanonicalJson(text);
}

/** An error in a JSON Lines text, with the 1-based number of the line it is on. */
export interface JsonLinesError extends RecordError {
  readonly line: number;
}

/**
 * Spec §10.1.4 JSON Lines: one canonical JSON value per line, each line ended by `\n` (the last
 * one too), no blank lines, no `\r`. The empty text is a list of no values.
 */
export function parseJsonLines(text: string): Result<unknown[], JsonLinesError> {
  const values: unknown[] = [];
  let start = 0;
  let line = 1;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      return err({
        ...recordError('record/missing-final-newline', 'the last line does not end with \\n'),
        line,
      });
    }
    if (end === start) {
      return err({ ...recordError('record/empty-line', 'blank line'), line });
    }
    const parsed = parseCanonicalJson(text.slice(start, end));
    if (!parsed.ok) return err({ ...parsed.error, line });
    values.push(parsed.value);
    start = end + 1;
    line++;
  }
  return ok(values);
}

/**
 * The serialiser proper: RFC 8785 text of record data (already checked by
 * {@link findUnrepresentable}). When every
 * object's keys already enumerate in the RFC's order, that text is exactly `JSON.stringify`'s: the
 * RFC serialises strings and numbers as ECMAScript's JSON.stringify does, and differs only in
 * sorting keys (by UTF-16 code units, where V8 would put integer-like keys first). A parsed
 * canonical line always has its keys in that order, and the built-in serialiser is about ten
 * times faster on the megabytes of hex strings of a ranked record's mix and share parts.
 */
function serialize(value: unknown): string {
  if (keysInCanonicalOrder(value, 0)) return JSON.stringify(value);
  const text = jcsSerialize(value);
  // Unreachable for record data (the library returns undefined only for undefined and functions).
  if (text === undefined) throw new TypeError('canonical-json: value has no JSON form');
  return text;
}

/** Whether every object in `value` enumerates its keys in strictly ascending UTF-16 order. */
function keysInCanonicalOrder(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  // Record data is at most MAX_JSON_DEPTH deep; anything deeper takes the library's path.
  if (depth > MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[])
      if (typeof item === 'object' && !keysInCanonicalOrder(item, depth + 1)) return false;
    return true;
  }
  let previous: string | null = null;
  for (const key of Object.keys(value)) {
    if (previous !== null && !(previous < key)) return false;
    if (!keysInCanonicalOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}

const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return textDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** In a `u`-mode regular expression, a surrogate class matches only unpaired surrogates. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

/**
 * The first reason `value` is not record data, walking depth-first in key order, or undefined.
 * Depth is bounded by {@link MAX_JSON_DEPTH}, so hostile nesting cannot exhaust the stack.
 */
function findUnrepresentable(value: unknown): RecordError | undefined {
  const problem = findUnrepresentableAt(value, '', 0);
  // The root's JSON Pointer is the empty string: say nothing rather than "at ''".
  return problem?.path === '' ? recordError(problem.code, problem.message) : problem;
}

function findUnrepresentableAt(
  value: unknown,
  path: string,
  depth: number
): RecordError | undefined {
  switch (typeof value) {
    case 'boolean':
      return undefined;
    case 'string':
      return loneSurrogate.test(value)
        ? recordError(
            'record/invalid-string',
            'string with a lone surrogate (RFC 8785 §3.2.2.2)',
            path
          )
        : undefined;
    case 'number':
      return Number.isSafeInteger(value)
        ? undefined
        : recordError(
            'record/unsafe-number',
            `${value} is not an integer in [-(2^53 - 1), 2^53 - 1]: encode it as a decimal string`,
            path
          );
    case 'object':
      return value === null ? undefined : findUnrepresentableContainer(value, path, depth + 1);
    case 'bigint':
    case 'undefined':
    case 'function':
    case 'symbol':
      return recordError('record/unsupported-value', `a ${typeof value} is not JSON data`, path);
  }
}

function findUnrepresentableContainer(
  value: object,
  path: string,
  depth: number
): RecordError | undefined {
  if (depth > MAX_JSON_DEPTH) {
    return recordError('record/too-deep', `nested deeper than ${MAX_JSON_DEPTH} levels`, path);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) {
        return recordError('record/unsupported-value', 'array hole', `${path}/${i}`);
      }
      const problem = findUnrepresentableAt(value[i], `${path}/${i}`, depth);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value.constructor as { name?: string } | undefined)?.name ?? 'object';
    return recordError('record/unsupported-value', `a ${name} is not plain JSON data`, path);
  }
  if (Object.getOwnPropertySymbols(value).length > 0) {
    return recordError('record/unsupported-value', 'object with symbol keys', path);
  }
  for (const key of Object.keys(value).sort()) {
    const childPath = `${path}/${jsonPointerToken(key)}`;
    if (loneSurrogate.test(key)) {
      return recordError('record/invalid-string', 'key with a lone surrogate', childPath);
    }
    const problem = findUnrepresentableAt(
      (value as Record<string, unknown>)[key],
      childPath,
      depth
    );
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}

interface ScanFrame {
  /** Keys seen so far in an object; null for an array. */
  readonly keys: Set<string> | null;
  /** The JSON Pointer of this container. */
  readonly path: string;
  /** Objects: whether the next string is a key. */
  expectingKey: boolean;
  /** The current member: its key in an object, its index in an array. */
  token: string | number;
}

/**
 * Finds the first object that repeats a key (compared after unescaping, so `"a"` and `"\u0061"`
 * collide), in a text that JSON.parse has already accepted. JSON.parse keeps the last of two equal
 * keys silently; RFC 8785 and I-JSON (RFC 7493 §2.3) forbid them. Iterative, so depth is no risk.
 */
function findDuplicateKey(text: string): RecordError | undefined {
  const stack: ScanFrame[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      const path = top === undefined ? '' : `${top.path}/${jsonPointerToken(top.token)}`;
      const isObject = char === '{';
      stack.push({ keys: isObject ? new Set() : null, path, expectingKey: isObject, token: 0 });
      index++;
    } else if (char === '}' || char === ']') {
      stack.pop();
      index++;
    } else if (char === ',') {
      if (top !== undefined && top.keys !== null) top.expectingKey = true;
      else if (top !== undefined) top.token = (top.token as number) + 1;
      index++;
    } else if (char === '"') {
      const end = endOfString(text, index);
      if (top !== undefined && top.keys !== null && top.expectingKey) {
        const key = JSON.parse(text.slice(index, end)) as string;
        if (top.keys.has(key)) {
          return recordError(
            'record/duplicate-key',
            `key ${JSON.stringify(key)} appears twice in one object`,
            `${top.path}/${jsonPointerToken(key)}`
          );
        }
        top.keys.add(key);
        top.token = key;
        top.expectingKey = false;
      }
      index = end;
    } else {
      index++;
    }
  }
  return undefined;
}

/** Index just past the closing quote of the string opening at `start`. */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return index;
}
