/**
 * @module The board's secrets at rest: each election's board signing key and HMAC key (receipts,
 * checkpoints, sign-in challenges and sessions) are sealed in the database with AES-256-GCM under
 * a key the deployment keeps outside it (SCRUTINEER_BOARD_SECRETS_KEY_FILE: 32 random bytes, hex),
 * so a stolen database backup cannot forge receipts or checkpoints. The election id and the field
 * are the additional data, so a sealed value cannot be moved to another election or column.
 *
 * Without the key (a test, a throwaway board) secrets are stored in clear, as before, and the
 * server says so at start. A sealed value without the key, or under another key, is an error:
 * the server will not run an election whose keys it cannot open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const TEXT_PREFIX = 'enc:v1:';
/** Sealed bytea values start with these four bytes (a clear HMAC key is exactly 32 bytes). */
const BYTES_MAGIC = Buffer.from('SCE1', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class BoardSecretsError extends Error {
  override readonly name = 'BoardSecretsError';
}

/** The sealing key from SCRUTINEER_BOARD_SECRETS_KEY_FILE, if set (64 hex characters). */
export function boardSecretsKeyFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env
): Uint8Array | undefined {
  const file = environment['SCRUTINEER_BOARD_SECRETS_KEY_FILE'];
  if (file === undefined) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text))
    throw new BoardSecretsError(`${file}: expected 32 bytes as 64 hex characters`);
  return Buffer.from(text, 'hex');
}

export class BoardSecrets {
  readonly #key: Uint8Array | undefined;

  constructor(key?: Uint8Array) {
    if (key !== undefined && key.length !== 32)
      throw new BoardSecretsError('the board secrets key is 32 bytes');
    this.#key = key;
  }

  get sealing(): boolean {
    return this.#key !== undefined;
  }

  #seal(electionId: string, field: string, clear: Uint8Array): Buffer {
    if (this.#key === undefined) throw new BoardSecretsError('no sealing key');
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(Buffer.from(`scrutineer/board-secret/v1|${electionId}|${field}`, 'utf8'));
    return Buffer.concat([nonce, cipher.update(clear), cipher.final(), cipher.getAuthTag()]);
  }

  #open(electionId: string, field: string, sealed: Uint8Array): Buffer {
    if (this.#key === undefined)
      throw new BoardSecretsError(
        `the board's ${field} of ${electionId} is sealed: set SCRUTINEER_BOARD_SECRETS_KEY_FILE`
      );
    try {
      const nonce = sealed.subarray(0, NONCE_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.#key, nonce);
      decipher.setAAD(Buffer.from(`scrutineer/board-secret/v1|${electionId}|${field}`, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new BoardSecretsError(
        `the board's ${field} of ${electionId} does not open under this key`
      );
    }
  }

  /** The board signing key (hex) as stored: sealed text, or the hex itself without a key. */
  sealSigningKey(electionId: string, hex: string): string {
    if (this.#key === undefined) return hex;
    const sealed = this.#seal(electionId, 'signing key', Buffer.from(hex, 'utf8'));
    return `${TEXT_PREFIX}${sealed.toString('base64')}`;
  }

  openSigningKey(electionId: string, stored: string): string {
    if (!stored.startsWith(TEXT_PREFIX)) return stored;
    const sealed = Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64');
    return this.#open(electionId, 'signing key', sealed).toString('utf8');
  }

  /** The HMAC key as stored: the magic and the sealed bytes, or the 32 bytes without a key. */
  sealHmacKey(electionId: string, key: Uint8Array): Uint8Array {
    if (this.#key === undefined) return key;
    return Buffer.concat([BYTES_MAGIC, this.#seal(electionId, 'HMAC key', key)]);
  }

  openHmacKey(electionId: string, stored: Uint8Array): Uint8Array {
    const magic = Buffer.from(stored.subarray(0, BYTES_MAGIC.length));
    if (stored.length === 32 || !magic.equals(BYTES_MAGIC)) return stored;
    return this.#open(electionId, 'HMAC key', stored.subarray(BYTES_MAGIC.length));
  }
}
