/**
 * @module The officer's steps before and around voting (spec §9.5–§9.6): publish the election key
 * after the ceremony (only the ceremony's own conclusion, recomputed here, spec §7.6), load the
 * credential list in batches (keys and, with a postal channel, their return commitments on the
 * board; answer hashes and pack ids only in the database), open (the board computes the credential list hash and base hash
 * itself, spec §9.3), and close. Each is one transaction on the locked head, a board event, and an
 * audit-log row; open and close also sign a checkpoint.
 */
import { hexToBytes } from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type EventType,
  CredentialListHasher,
  computeBaseHash,
  eventBodySchemas,
  parseBoardEvent,
  parseCanonicalJson,
  smallCategories,
  styleContestIndexes,
} from '@scrutineer/record';
import {
  electionKeyDifferences,
  keyMismatchFault,
  recomputeElectionKey,
} from '@scrutineer/verifier';
import { appendEvent } from '../board/append-event.ts';
import { type BoardHead, lockHead } from '../board/board-head.ts';
import { signCheckpointLocked } from '../board/checkpoints.ts';
import { type Queryable, toNumber } from '../database/database.ts';
import { parseAnswersHash } from '@scrutineer/protocol';
import type { ElectionRecord } from '../elections/election-cache.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';

/** Parses a body against its event type's record schema, as a request-level refusal. */
export function parseEventBody<T extends EventType>(type: T, value: unknown): EventBody<T> {
  const parsed = eventBodySchemas[type].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code =
      issue?.code === 'unrecognized_keys' ? 'request/unknown-field' : 'request/invalid-body';
    throw new ServiceError(
      code,
      `${type}: ${issue?.path.join('/') ?? ''} ${issue?.message ?? ''}`.trim()
    );
  }
  return parsed.data as EventBody<T>;
}

/** Runs `step` on the locked head of the election and returns what it returns. */
export async function withLockedHead<T>(
  context: ServiceContext,
  electionId: string,
  step: (transaction: Queryable, head: BoardHead, election: ElectionRecord) => Promise<T>
): Promise<T> {
  const election = await context.elections.get(electionId);
  return context.database.transaction(async (transaction) =>
    step(transaction, await lockHead(transaction, electionId), election)
  );
}

export interface Appended {
  readonly position: number;
  readonly hash: string;
}

export async function postElectionKey(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('election-key', value);
  const election = await context.elections.get(electionId);
  const { members, threshold } = election.manifest.trustees;
  const qualified = new Set(body.qualified);
  const valid =
    qualified.size === body.qualified.length &&
    qualified.size >= threshold &&
    body.qualified.every((index) => index >= 1 && index <= members.length) &&
    body.verificationKeys.length === members.length &&
    [body.publicKey, ...body.verificationKeys].every((key) => isValidPoint(context, key));
  if (!valid) throw new ServiceError('election/invalid-election-key');
  return withLockedHead(context, electionId, async (transaction, head) => {
    if (head.stage !== 'setup')
      throw new ServiceError(
        'election/wrong-stage',
        `election-key cannot be posted while the election is at stage ${head.stage}`
      );
    // Spec §7.6, §9.5: the board accepts only the conclusion of the ceremony on it, recomputed
    // under the lock so that no trustee message can arrive between the check and the append.
    const ceremony = await ceremonyEvents(transaction, electionId);
    const recomputed = recomputeElectionKey(context.group, election.manifest, ceremony);
    if (!recomputed.ok)
      throw new ServiceError('election/ceremony-not-concluded', recomputed.error.message);
    const differences = electionKeyDifferences(body, recomputed.value);
    if (differences.length > 0)
      throw new ServiceError(
        'election/key-not-from-ceremony',
        keyMismatchFault(differences).message
      );
    // Set before the append, which writes the whole head row.
    head.electionKey = body.publicKey;
    const appended = await appendEvent(transaction, head, 'election-key', body, context.clock());
    await writeAuditLog(transaction, electionId, 'officer', 'election-key', {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash };
  });
}

/** The trustees' ceremony messages on the board, in board order. */
async function ceremonyEvents(transaction: Queryable, electionId: string): Promise<BoardEvent[]> {
  const rows = await transaction.query<{ line: string }>(
    `SELECT line FROM events WHERE election_id = $1
       AND type IN ('trustee-commitments', 'trustee-shares', 'trustee-complaint') ORDER BY position`,
    [electionId]
  );
  return rows.map(({ line }) => {
    const json = parseCanonicalJson(line);
    const event = json.ok ? parseBoardEvent(json.value) : null;
    if (event?.ok !== true) throw new Error('a stored ceremony event does not parse');
    return event.value;
  });
}

function isValidPoint(context: ServiceContext, hex: string): boolean {
  try {
    context.group.decodePoint(hexToBytes(hex));
    return true;
  } catch {
    return false;
  }
}

export interface CredentialEntry {
  /** The public credential key C, hex (spec §6.5). */
  readonly key: string;
  /** Argon2id PHC string of the normalised answers. */
  readonly answersHash: string;
  /** The postal return commitment R (spec §9.5): required iff the manifest offers postal. */
  readonly returnCommitment?: string | undefined;
  /** Spec §13.1: the credential's ballot-style category, iff the manifest has styles. */
  readonly style?: string | undefined;
  /** Spec §13.4: the credential's weight, iff the manifest has weights. */
  readonly weight?: number | undefined;
}

export const MAX_CREDENTIAL_BATCH = 10_000;

export function checkCredentialEntries(
  context: ServiceContext,
  entries: readonly CredentialEntry[],
  manifest: ElectionRecord['manifest'],
  /** A replacement inherits the revoked credential's style and weight (spec §13.1): none given. */
  inherits = false
): void {
  const { channels } = manifest;
  const keys = new Set<string>();
  for (const entry of entries) {
    const wantsStyle = !inherits && manifest.styles !== undefined;
    if (
      (entry.style !== undefined) !== wantsStyle ||
      (entry.style !== undefined && styleContestIndexes(manifest, entry.style) === null)
    )
      throw new ServiceError('credential/invalid-style', `for ${entry.key}`);
    const wantsWeight = !inherits && manifest.weights !== undefined;
    if (
      (entry.weight !== undefined) !== wantsWeight ||
      (entry.weight !== undefined && entry.weight > (manifest.weights?.max ?? 1))
    )
      throw new ServiceError('credential/invalid-weight', `for ${entry.key}`);
    // Spec §9.5: a commitment per credential exactly when the postal channel is offered.
    if (channels.postal && entry.returnCommitment === undefined)
      throw new ServiceError('credential/missing-return-commitment', `for ${entry.key}`);
    if (!channels.postal && entry.returnCommitment !== undefined)
      throw new ServiceError('credential/unexpected-return-commitment', `for ${entry.key}`);
    if (!isValidPoint(context, entry.key))
      throw new ServiceError(
        'credential/invalid-key',
        `not a valid non-identity point: ${entry.key}`
      );
    if (parseAnswersHash(entry.answersHash) === null)
      throw new ServiceError('credential/invalid-answers-hash');
    if (keys.has(entry.key)) throw new ServiceError('credential/duplicate');
    keys.add(entry.key);
  }
}

/**
 * Inserts credential rows; refuses (rolling back) if any key is already loaded. No pack id: the
 * board never learns which pack carries which credential (spec §9.5.4).
 */
export async function insertCredentials(
  transaction: Queryable,
  electionId: string,
  entries: readonly CredentialEntry[]
): Promise<void> {
  const inserted = await transaction.query(
    `INSERT INTO credentials (election_id, credential, answers_hash, return_commitment, style, weight)
     SELECT $1, k, h, r, s, w FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS e(k, h, r, s, w) ON CONFLICT DO NOTHING RETURNING 1`,
    [
      electionId,
      entries.map((e) => e.key),
      entries.map((e) => e.answersHash),
      entries.map((e) => e.returnCommitment ?? null),
      entries.map((e) => e.style ?? null),
      entries.map((e) => e.weight ?? 1),
    ]
  );
  if (inserted.length !== entries.length) throw new ServiceError('credential/duplicate');
}

/** One `credentials` event (≤ 10,000 keys, spec §9.5) and its rows. */
export async function loadCredentials(
  context: ServiceContext,
  electionId: string,
  entries: readonly CredentialEntry[]
): Promise<Appended> {
  if (entries.length === 0 || entries.length > MAX_CREDENTIAL_BATCH) {
    throw new ServiceError(
      'request/invalid-body',
      `a batch holds 1 to ${MAX_CREDENTIAL_BATCH} credentials`
    );
  }
  const election = await context.elections.get(electionId);
  checkCredentialEntries(context, entries, election.manifest);
  return withLockedHead(context, electionId, async (transaction, head) => {
    const keys = entries.map((e) => e.key);
    // Spec §9.5: the return commitments, aligned with the keys, fixed before election-open.
    const { manifest } = election;
    // Spec §9.5, §13.1, §13.4: return commitments, styles and weights aligned with the keys.
    const body: EventBody<'credentials'> = {
      keys,
      ...(manifest.channels.postal
        ? { returns: entries.map((e) => e.returnCommitment as string) }
        : {}),
      ...(manifest.styles === undefined ? {} : { styles: entries.map((e) => e.style as string) }),
      ...(manifest.weights === undefined
        ? {}
        : { weights: entries.map((e) => e.weight as number) }),
    };
    const appended = await appendEvent(transaction, head, 'credentials', body, context.clock());
    await insertCredentials(transaction, electionId, entries);
    await writeAuditLog(transaction, electionId, 'officer', 'credentials', {
      position: appended.position,
      count: entries.length,
    });
    return { position: appended.position, hash: appended.hash };
  });
}

export interface Opened extends Appended {
  readonly baseHash: string;
  readonly credentialCount: number;
  readonly credentialListHash: string;
}

export async function openElection(context: ServiceContext, electionId: string): Promise<Opened> {
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    if (head.stage !== 'keyed' || head.electionKey === null) {
      throw new ServiceError(
        'election/wrong-stage',
        `the election must be keyed to open; it is at ${head.stage}`
      );
    }
    // Spec §9.3: the list hash over the keys in the order they were published.
    const hasher = new CredentialListHasher();
    const lines = await transaction.query<{ line: string }>(
      "SELECT line FROM events WHERE election_id = $1 AND type = 'credentials' ORDER BY position",
      [electionId]
    );
    for (const { line } of lines) {
      const json = parseCanonicalJson(line);
      if (!json.ok) throw new Error('stored credentials event is not canonical');
      for (const key of (json.value as { body: { keys: string[] } }).body.keys) hasher.add(key);
    }
    if (hasher.count === 0 || hasher.count !== election.manifest.roll.count) {
      throw new ServiceError(
        'election/credential-count-mismatch',
        `${hasher.count} credentials loaded, the roll counts ${election.manifest.roll.count}`
      );
    }
    // Spec §13.3 (V12.2): no category so small that its ballots would all but name their voters.
    const small = await smallCategoriesOnBoard(transaction, electionId, election.manifest);
    if (small.length > 0)
      throw new ServiceError(
        'election/category-too-small',
        small.map((c) => `${c.id}: ${c.count}`).join(', ')
      );
    const credentialListHash = hasher.digestHex();
    const baseHash = computeBaseHash({
      manifestHash: election.manifestHash,
      electionKey: head.electionKey,
      credentialListHash,
      credentialCount: hasher.count,
    });
    head.baseHash = baseHash;
    head.credentialCount = hasher.count;
    const appended = await appendEvent(
      transaction,
      head,
      'election-open',
      { baseHash, credentialCount: hasher.count, credentialListHash },
      context.clock()
    );
    await signCheckpointLocked(context, transaction, election, head);
    await writeAuditLog(transaction, electionId, 'officer', 'open', {
      position: appended.position,
      baseHash,
    });
    return {
      position: appended.position,
      hash: appended.hash,
      baseHash,
      credentialCount: hasher.count,
      credentialListHash,
    };
  });
}

export async function closeElection(
  context: ServiceContext,
  electionId: string
): Promise<Appended> {
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    const appended = await appendEvent(transaction, head, 'election-close', {}, context.clock());
    await signCheckpointLocked(context, transaction, election, head);
    await writeAuditLog(transaction, electionId, 'officer', 'close', {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash };
  });
}

/** Spec §13.3: the categories with credentials, but fewer than the manifest's minimum. */
async function smallCategoriesOnBoard(
  transaction: Queryable,
  electionId: string,
  manifest: ElectionRecord['manifest']
): Promise<{ id: string; count: number }[]> {
  if (manifest.styles === undefined) return [];
  const rows = await transaction.query<{ style: string; n: unknown }>(
    `SELECT style, count(*) AS n FROM credentials WHERE election_id = $1 AND style IS NOT NULL GROUP BY style`,
    [electionId]
  );
  return smallCategories(manifest, new Map(rows.map((r) => [r.style, toNumber(r.n)])));
}
