/**
 * @module Stateless stamps under the election's HMAC key (kept in the database, so every server
 * instance agrees): sign-in challenges (a nonce with an expiry) and session tokens (a credential
 * with an expiry). Neither needs a table; both are checked in constant time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { bytesToHex, encodeU64, hexToBytes, BoardMacTag } from '@scrutineer/crypto';
import { ServiceError } from '../http-errors.ts';
import { constantTimeEqual } from './secret-compare.ts';

const CHALLENGE_TAG = BoardMacTag.signInChallenge;
const SESSION_TAG = BoardMacTag.session;
const NONCE_BYTES = 16;
const MAC_BYTES = 32;

function mac(key: Uint8Array, parts: readonly (string | Uint8Array)[]): Uint8Array {
  const hmac = createHmac('sha256', key);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    // Length-prefixed, so no two part lists collide.
    hmac.update(encodeU64(bytes.length)).update(bytes);
  }
  return hmac.digest();
}

export interface Challenge {
  readonly challenge: string;
  readonly expires: string;
}

/** A challenge valid for `lifetimeSeconds`: hex of nonce ‖ u64le(expiry) ‖ mac. */
export function issueChallenge(
  key: Uint8Array,
  electionId: string,
  now: Date,
  lifetimeSeconds: number
): Challenge {
  const nonce = randomBytes(NONCE_BYTES);
  const expiry = Math.floor(now.getTime() / 1000) + lifetimeSeconds;
  const expiryBytes = encodeU64(expiry);
  const stamp = mac(key, [CHALLENGE_TAG, electionId, nonce, expiryBytes]);
  return {
    challenge: bytesToHex(Buffer.concat([nonce, expiryBytes, stamp])),
    expires: new Date(expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/**
 * Checks a challenge's stamp and expiry and returns the expiry (Unix seconds); throws
 * `auth/invalid-challenge` or `auth/challenge-expired`. That a challenge is used once only is
 * the sign-in's to enforce (a table of spent challenges, kept until they expire).
 */
export function checkChallenge(
  key: Uint8Array,
  electionId: string,
  challengeHex: string,
  now: Date
): number {
  if (
    !/^[0-9a-f]+$/.test(challengeHex) ||
    challengeHex.length !== 2 * (NONCE_BYTES + 8 + MAC_BYTES)
  ) {
    throw new ServiceError('auth/invalid-challenge');
  }
  const bytes = hexToBytes(challengeHex);
  const nonce = bytes.subarray(0, NONCE_BYTES);
  const expiryBytes = bytes.subarray(NONCE_BYTES, NONCE_BYTES + 8);
  const stamp = bytes.subarray(NONCE_BYTES + 8);
  if (!constantTimeEqual(mac(key, [CHALLENGE_TAG, electionId, nonce, expiryBytes]), stamp))
    throw new ServiceError('auth/invalid-challenge');
  const expiry = Number(Buffer.from(expiryBytes).readBigUInt64LE());
  if (now.getTime() / 1000 > expiry) throw new ServiceError('auth/challenge-expired');
  return expiry;
}

export interface Session {
  readonly electionId: string;
  /** The credential public key, hex. */
  readonly credential: string;
  /** Expiry, seconds since the epoch. */
  readonly expiry: number;
}

/** A session token: `v1.<base64url payload>.<base64url mac>`. */
export function issueSessionToken(key: Uint8Array, session: Session): string {
  const payload = Buffer.from(
    JSON.stringify({ e: session.electionId, c: session.credential, x: session.expiry }),
    'utf8'
  ).toString('base64url');
  return `v1.${payload}.${Buffer.from(mac(key, [SESSION_TAG, payload])).toString('base64url')}`;
}

/** Checks a session token for this election; throws `auth/invalid-token` or `auth/token-expired`. */
export function checkSessionToken(
  key: Uint8Array,
  electionId: string,
  token: string,
  now: Date
): Session {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') throw new ServiceError('auth/invalid-token');
  const [, payload = '', stamp = ''] = parts;
  // Compared as text: decoding the presented stamp would skip stray characters and ignore the
  // last symbol's spare bits, so many spellings of one token would pass (hostile-input suite).
  const expected = Buffer.from(mac(key, [SESSION_TAG, payload])).toString('base64url');
  if (!constantTimeEqual(Buffer.from(expected, 'latin1'), Buffer.from(stamp, 'latin1')))
    throw new ServiceError('auth/invalid-token');
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    e?: unknown;
    c?: unknown;
    x?: unknown;
  };
  if (decoded.e !== electionId || typeof decoded.c !== 'string' || typeof decoded.x !== 'number')
    throw new ServiceError('auth/invalid-token');
  if (now.getTime() / 1000 > decoded.x) throw new ServiceError('auth/token-expired');
  return { electionId, credential: decoded.c, expiry: decoded.x };
}
