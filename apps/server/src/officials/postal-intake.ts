/**
 * @module Intake of returned postal envelopes at party scale (spec §9.5.3): a scanning station
 * uploads the return slips it read, many at a time, each with its opening batch (the scanner's
 * tray) and scan time. One transaction per upload: each envelope is marked received once (the
 * `credential_uses` key decides, as for an online ballot), a repeat of an envelope already
 * received changes nothing and is answered `already-received` (so an upload is safe to retry), and
 * a refusal names its reason. A return for a credential that voted online, or whose pack was
 * replaced, is refused and published once as `cast-refused` (spec §9.5, §9.7), so the refusal is
 * visible in the record. A wrong secret or an unknown credential is refused and not published:
 * anyone could otherwise fill the board.
 */
import { type EventBody, opensPostalReturn } from '@scrutineer/record';
import { appendEvent, appendEvents } from '../board/append-event.ts';
import { type BoardHead, lockHead } from '../board/board-head.ts';
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { appendCrossChannelRefusal } from '../voting/cross-channel-refusal.ts';
import { writeAuditLog } from './audit-log.ts';

/** Envelopes received one at a time, with no tray named, go into this opening batch. */
export const LOOSE_BATCH = 'loose';

/** One returned envelope as the scanner read its return slip. */
export interface ReturnedEnvelope {
  readonly credential: string;
  readonly returnSecret: string;
  /** The opening batch (tray) it goes into, `[A-Za-z0-9-]{1,64}`. */
  readonly batch: string;
  /** When the scanner read it, as the scanner states it (kept, not published). */
  readonly scannedAt?: string | undefined;
}

export type RefusalCode =
  | 'credential/not-found'
  | 'credential/revoked'
  | 'postal/wrong-return-secret'
  | 'postal/credential-used-online';

export type EnvelopeOutcome =
  | { readonly outcome: 'received'; readonly batch: string; readonly position: number }
  | { readonly outcome: 'already-received'; readonly batch: string }
  | { readonly outcome: 'refused'; readonly code: RefusalCode; readonly published: boolean };

interface CredentialRow {
  credential: string;
  status: string;
  return_commitment: string | null;
}

async function credentialRows(
  database: Queryable,
  electionId: string,
  credentials: readonly string[]
): Promise<Map<string, CredentialRow>> {
  const rows = await database.query<CredentialRow>(
    'SELECT credential, status, return_commitment FROM credentials WHERE election_id = $1 AND credential = ANY($2::text[])',
    [electionId, credentials]
  );
  return new Map(rows.map((r) => [r.credential, r]));
}

/** Publishes a refused postal return of a revoked credential, once (spec §9.5 `cast-refused`). */
async function appendRevokedRefusal(
  context: ServiceContext,
  transaction: Queryable,
  head: BoardHead,
  credential: string
): Promise<boolean> {
  const claimed = await transaction.query(
    `INSERT INTO cast_refusals (election_id, credential, channel, reason, position)
     VALUES ($1, $2, 'postal', 'credential-revoked', $3) ON CONFLICT DO NOTHING RETURNING 1`,
    [head.electionId, credential, head.size]
  );
  if (claimed.length === 0) return false;
  const body: EventBody<'cast-refused'> = {
    credential,
    channel: 'postal',
    reason: 'credential-revoked',
  };
  const appended = await appendEvent(transaction, head, 'cast-refused', body, context.clock());
  await writeAuditLog(transaction, head.electionId, 'board', 'cast-refused', {
    position: appended.position,
    channel: 'postal',
    reason: 'credential-revoked',
  });
  return true;
}

/**
 * Records returned envelopes in one transaction, in the order given; the outcomes are in the same
 * order. The whole upload is refused, changing nothing, unless voting is open
 * (`postal/after-close`, `election/wrong-stage`) on an election with a postal channel.
 */
export async function receiveEnvelopes(
  context: ServiceContext,
  electionId: string,
  envelopes: readonly ReturnedEnvelope[]
): Promise<EnvelopeOutcome[]> {
  const election = await context.elections.get(electionId);
  if (!election.manifest.channels.postal)
    throw new ServiceError('election/channel-not-offered', 'this election has no postal channel');
  const distinct = [...new Set(envelopes.map((e) => e.credential))].sort();
  return context.database.transaction(async (transaction) => {
    const before = await credentialRows(transaction, electionId, distinct);
    // The secret is checked first: a slip that does not open its commitment claims nothing.
    const opens = (e: ReturnedEnvelope): boolean => {
      const commitment = before.get(e.credential)?.return_commitment;
      return (
        typeof commitment === 'string' &&
        opensPostalReturn(commitment, e.credential, e.returnSecret)
      );
    };
    const claimable = distinct.filter((c) => envelopes.some((e) => e.credential === c && opens(e)));
    // The claims first, the board lock after (cast-ballot.ts): the same key decides both channels,
    // and claims in sorted order keep two uploads from waiting on each other in a cycle.
    const claimedRows = await transaction.query<{ credential: string }>(
      `INSERT INTO credential_uses (election_id, credential, channel)
       SELECT $1, c, 'postal' FROM unnest($2::text[]) AS u(c) ORDER BY c
       ON CONFLICT (election_id, credential) DO NOTHING RETURNING credential`,
      [electionId, claimable]
    );
    const claimed = new Set(claimedRows.map((r) => r.credential));
    const head = await lockHead(transaction, electionId);
    if (head.stage === 'closed' || head.stage === 'tallied' || head.stage === 'final')
      throw new ServiceError('postal/after-close');
    if (head.stage !== 'open')
      throw new ServiceError(
        'election/wrong-stage',
        `postal returns are recorded while voting is open, not at ${head.stage}`
      );
    // Read again under the head lock: a replacement commits under the same lock (F17).
    const current = await credentialRows(transaction, electionId, claimable);
    const uses = await transaction.query<{ credential: string; channel: string }>(
      'SELECT credential, channel FROM credential_uses WHERE election_id = $1 AND credential = ANY($2::text[])',
      [electionId, claimable]
    );
    const usedBy = new Map(uses.map((u) => [u.credential, u.channel]));
    const earlier = await transaction.query<{ credential: string; batch: string }>(
      'SELECT credential, batch FROM postal_envelopes WHERE election_id = $1 AND credential = ANY($2::text[])',
      [electionId, claimable]
    );
    const receivedInto = new Map(earlier.map((r) => [r.credential, r.batch]));

    const outcomes: (EnvelopeOutcome | ReturnedEnvelope)[] = [];
    const revoked: string[] = [];
    for (const envelope of envelopes) {
      const { credential } = envelope;
      const into = receivedInto.get(credential);
      if (!before.has(credential)) {
        outcomes.push({ outcome: 'refused', code: 'credential/not-found', published: false });
      } else if (!opens(envelope)) {
        outcomes.push({ outcome: 'refused', code: 'postal/wrong-return-secret', published: false });
      } else if (into !== undefined) {
        outcomes.push({ outcome: 'already-received', batch: into });
      } else if (usedBy.get(credential) === 'online') {
        await appendCrossChannelRefusal(context, transaction, head, credential, 'postal');
        outcomes.push({
          outcome: 'refused',
          code: 'postal/credential-used-online',
          published: true,
        });
      } else if (current.get(credential)?.status === 'revoked') {
        revoked.push(credential);
        await appendRevokedRefusal(context, transaction, head, credential);
        outcomes.push({ outcome: 'refused', code: 'credential/revoked', published: true });
      } else if (claimed.has(credential)) {
        receivedInto.set(credential, envelope.batch);
        claimed.delete(credential);
        outcomes.push(envelope);
      } else {
        // Claimed by post by another transaction (its envelope row is read above once it has
        // committed, so this is defensive): received already, nothing to change.
        outcomes.push({ outcome: 'already-received', batch: receivedInto.get(credential) ?? '' });
      }
    }
    // A claim for a revoked credential is taken back: the return was refused.
    if (revoked.length > 0)
      await transaction.query(
        `DELETE FROM credential_uses WHERE election_id = $1 AND channel = 'postal'
         AND credential = ANY($2::text[]) AND NOT EXISTS (SELECT 1 FROM postal_envelopes p
         WHERE p.election_id = credential_uses.election_id AND p.credential = credential_uses.credential)`,
        [electionId, revoked]
      );
    const accepted = outcomes.filter((o): o is ReturnedEnvelope => !('outcome' in o));
    const appended = await appendEvents(
      transaction,
      head,
      'postal-received',
      accepted.map((e) => ({ credential: e.credential, returnSecret: e.returnSecret })),
      context.clock()
    );
    if (accepted.length > 0) {
      await transaction.query(
        `INSERT INTO postal_envelopes (election_id, credential, batch, scanned_at, position)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[])`,
        [
          electionId,
          accepted.map((e) => e.credential),
          accepted.map((e) => e.batch),
          accepted.map((e) => e.scannedAt ?? null),
          appended.map((a) => a.position),
        ]
      );
      await writeAuditLog(transaction, electionId, 'officer', 'postal-received', {
        envelopes: accepted.length,
        first: appended[0]?.position ?? null,
        last: appended.at(-1)?.position ?? null,
      });
    }
    let next = 0;
    return outcomes.map((o): EnvelopeOutcome => {
      if ('outcome' in o) return o;
      const position = (appended[next++] as { position: number }).position;
      return { outcome: 'received', batch: o.batch, position };
    });
  });
}

/** The number of envelopes received into opening batch `batch`. */
export async function envelopesInBatch(
  database: Queryable,
  electionId: string,
  batch: string
): Promise<number> {
  const rows = await database.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM postal_envelopes WHERE election_id = $1 AND batch = $2',
    [electionId, batch]
  );
  return Number(rows[0]?.n ?? 0);
}

/** Spec §9.5.3: envelopes received per opening batch, in batch order (counts, never credentials). */
export async function envelopesPerBatch(
  database: Queryable,
  electionId: string
): Promise<{ batch: string; envelopes: number }[]> {
  const rows = await database.query<{ batch: string; n: unknown }>(
    'SELECT batch, count(*) AS n FROM postal_envelopes WHERE election_id = $1 GROUP BY batch ORDER BY batch',
    [electionId]
  );
  return rows.map((row) => ({ batch: row.batch, envelopes: Number(row.n) }));
}
