/**
 * @module The immutable facts of an election, read once per process: the manifest and its hash,
 * the board's key pair and HMAC key, the officer's key hash; and, once the election is open, the
 * ballot context (election key K and base hash h, spec §9.3) that every cast is checked against.
 */
import { type Group, decodeScalar, hexToBytes } from '@scrutineer/crypto';
import { type Manifest, parseCanonicalJson, parseManifest } from '@scrutineer/record';
import { type BallotContext, prepareBallotContext } from '@scrutineer/verifier';
import { type Queryable, toBytes } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { BoardSecrets } from './board-secrets.ts';

export interface ElectionRecord {
  readonly electionId: string;
  readonly manifest: Manifest;
  readonly manifestHash: string;
  readonly boardPublicKey: string;
  readonly boardSecretKey: bigint;
  readonly hmacKey: Uint8Array;
  readonly adminKeyHash: string;
}

interface ElectionRow {
  manifest: string;
  manifest_hash: string;
  board_public_key: string;
  board_secret_key: string;
  hmac_key: unknown;
  admin_key_hash: string;
}

export class ElectionCache {
  readonly #database: Queryable;
  readonly #group: Group;
  readonly #records = new Map<string, Promise<ElectionRecord>>();
  readonly #contexts = new Map<string, BallotContext>();
  /** Seals and opens the board's keys at rest (board-secrets.ts). */
  readonly secrets: BoardSecrets;

  constructor(database: Queryable, group: Group, secrets: BoardSecrets = new BoardSecrets()) {
    this.#database = database;
    this.#group = group;
    this.secrets = secrets;
  }

  /** The election's record; `election/not-found` if there is none. */
  get(electionId: string): Promise<ElectionRecord> {
    let record = this.#records.get(electionId);
    if (record === undefined) {
      record = this.#load(electionId);
      this.#records.set(electionId, record);
      // Forget a miss, so an election created by another instance is found next time.
      record.catch(() => this.#records.delete(electionId));
    }
    return record;
  }

  async #load(electionId: string): Promise<ElectionRecord> {
    const rows = await this.#database.query<ElectionRow>(
      'SELECT manifest, manifest_hash, board_public_key, board_secret_key, hmac_key, admin_key_hash FROM elections WHERE election_id = $1',
      [electionId]
    );
    const row = rows[0];
    if (row === undefined) throw new ServiceError('election/not-found');
    const json = parseCanonicalJson(row.manifest);
    const manifest = json.ok ? parseManifest(json.value) : json;
    if (!manifest.ok)
      throw new Error(`stored manifest of ${electionId} is invalid: ${manifest.error.code}`);
    return {
      electionId,
      manifest: manifest.value,
      manifestHash: row.manifest_hash,
      boardPublicKey: row.board_public_key,
      boardSecretKey: decodeScalar(
        hexToBytes(this.secrets.openSigningKey(electionId, row.board_secret_key))
      ),
      hmacKey: this.secrets.openHmacKey(electionId, toBytes(row.hmac_key)),
      adminKeyHash: row.admin_key_hash,
    };
  }

  /** The context ballots are verified in, once the head has the election key and base hash. */
  ballotContext(
    record: ElectionRecord,
    electionKeyHex: string,
    baseHashHex: string
  ): BallotContext {
    const cached = this.#contexts.get(record.electionId);
    if (cached !== undefined) return cached;
    const context = prepareBallotContext(this.#group, {
      manifest: record.manifest,
      electionKeyHex,
      baseHashHex,
    });
    this.#contexts.set(record.electionId, context);
    return context;
  }
}
