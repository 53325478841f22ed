/**
 * @module Creating an election on the board: the officer sends the manifest draft without a board
 * key; the board generates its signing key pair (spec §10.3), fills in `board.publicKey`, and
 * publishes the manifest as the `election-setup` event at position 0 with a first checkpoint.
 * The board's secret key never leaves the database; the officer gets the final manifest back.
 */
import {
  type Group,
  bytesToHex,
  encodeScalar,
  hexToBytes,
  randomBytes,
  randomScalar,
} from '@scrutineer/crypto';
import { type Manifest, canonicalize, manifestHash } from '@scrutineer/record';
import { GENESIS_PREVIOUS, parseManifest } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { lockHead } from '../board/board-head.ts';
import { signCheckpointLocked } from '../board/checkpoints.ts';
import { ServiceError } from '../http-errors.ts';
import { writeAuditLog } from '../officials/audit-log.ts';
import type { ServiceContext } from '../service-context.ts';

export interface CreateElectionInput {
  /** The manifest (spec §9.2) without `board`. */
  readonly draft: Record<string, unknown>;
  /** SHA-256 hex of the returning officer's bearer key for this election. */
  readonly adminKeyHash: string;
}

export interface CreatedElection {
  readonly manifest: Manifest;
  readonly manifestHash: string;
  readonly boardPublicKey: string;
}

export async function createElection(
  context: ServiceContext,
  input: CreateElectionInput
): Promise<CreatedElection> {
  if (Object.hasOwn(input.draft, 'board')) throw new ServiceError('election/board-key-supplied');
  const { group } = context;
  const boardSecretKey = randomScalar();
  const boardPublicKey = bytesToHex(group.encodePoint(group.multiplyBase(boardSecretKey)));
  const parsed = parseManifest({ ...input.draft, board: { publicKey: boardPublicKey } });
  if (!parsed.ok)
    throw new ServiceError(
      'election/invalid-manifest',
      `${parsed.error.code}: ${parsed.error.message}`
    );
  const manifest = parsed.value;
  // Spec §9.2.7: an approver key that is not a point would make every replacement unverifiable.
  const approverKey = manifest.replacements?.approverKey;
  if (approverKey !== undefined && !isValidPoint(group, approverKey))
    throw new ServiceError(
      'election/invalid-manifest',
      'replacements.approverKey is not a valid point'
    );
  const hash = manifestHash(manifest);
  const electionId = manifest.electionId;

  await context.database.transaction(async (transaction) => {
    const inserted = await transaction.query(
      `INSERT INTO elections (election_id, manifest, manifest_hash, board_public_key, board_secret_key, hmac_key, admin_key_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (election_id) DO NOTHING RETURNING election_id`,
      [
        electionId,
        canonicalize(manifest),
        hash,
        boardPublicKey,
        // Sealed under the deployment's key when it has one (board-secrets.ts).
        context.elections.secrets.sealSigningKey(
          electionId,
          bytesToHex(encodeScalar(boardSecretKey))
        ),
        context.elections.secrets.sealHmacKey(electionId, randomBytes(32)),
        input.adminKeyHash,
      ]
    );
    if (inserted.length === 0) throw new ServiceError('election/exists');
    await transaction.query(
      `INSERT INTO board_heads (election_id, size, head_hash, last_time, frontier, stage) VALUES ($1, 0, $2, '', $3, 'empty')`,
      [electionId, GENESIS_PREVIOUS, new Uint8Array(0)]
    );
    const head = await lockHead(transaction, electionId);
    const appended = await appendEvent(
      transaction,
      head,
      'election-setup',
      manifest,
      context.clock()
    );
    const election = {
      electionId,
      manifest,
      manifestHash: hash,
      boardPublicKey,
      boardSecretKey,
      hmacKey: new Uint8Array(0),
      adminKeyHash: input.adminKeyHash,
    };
    await signCheckpointLocked(context, transaction, election, head);
    await writeAuditLog(transaction, electionId, 'operator', 'create-election', {
      position: appended.position,
      manifestHash: hash,
    });
  });
  context.logger.info({ electionId, manifestHash: hash }, 'election created');
  return { manifest, manifestHash: hash, boardPublicKey };
}

function isValidPoint(group: Group, hex: string): boolean {
  try {
    group.decodePoint(hexToBytes(hex));
    return true;
  } catch {
    return false;
  }
}
