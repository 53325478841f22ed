/**
 * @module The flood limit on Benaloh audits (spec §9.4). Audits are published without a session,
 * so the board cannot count them per credential; it counts them per address instead (the limit
 * key of client-address.ts: an IPv4 address or an IPv6 /64, stored only as the HMAC the sign-in
 * limits use). One row per published audit in `audit_posts`, kept an hour: nothing in it names
 * the ballot, so the table links an address to "checked a device at this time", never to choices.
 */
import type { Queryable } from '../database/database.ts';
import { toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';

/**
 * Audits one address may publish in an hour for one election. A member checks a device once or
 * twice; an office or a hustings' Wi-Fi shares one address, so the limit is well above one
 * member's need while 300 audits in seconds (the flood the limit answers) are refused.
 */
export const AUDITS_PER_ADDRESS_PER_HOUR = 20;

const HOUR_MS = 3_600_000;
/** pg_advisory_xact_lock class for one (election, address): a burst is serialised, not raced. */
const AUDIT_LOCK_CLASS = 7312;
const at = (index: number): string => `to_timestamp($${index}::double precision / 1000)`;

/** Refuses (before a ballot's body is read) an address that used up its audits for the hour. */
export async function assertAuditsLeft(
  database: Queryable,
  electionId: string,
  addressKey: string,
  now: number
): Promise<void> {
  if ((await postsInLastHour(database, electionId, addressKey, now)) >= AUDITS_PER_ADDRESS_PER_HOUR)
    throw new ServiceError('ballot/audit-limit-reached');
}

/**
 * Claims one audit for the address in the append's transaction, or refuses: the count and the
 * insert run under a per-address lock, so a burst from one address gets at most the limit.
 * Rows older than the hour are swept for that address on the way.
 */
export async function claimAuditPost(
  transaction: Queryable,
  electionId: string,
  addressKey: string,
  now: number
): Promise<void> {
  await transaction.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    AUDIT_LOCK_CLASS,
    `${electionId}/${addressKey}`,
  ]);
  await transaction.query(
    `DELETE FROM audit_posts WHERE election_id = $1 AND address_key = $2 AND posted_at <= ${at(3)}`,
    [electionId, addressKey, now - HOUR_MS]
  );
  await assertAuditsLeft(transaction, electionId, addressKey, now);
  await transaction.query(
    `INSERT INTO audit_posts (election_id, address_key, posted_at) VALUES ($1, $2, ${at(3)})`,
    [electionId, addressKey, now]
  );
}

async function postsInLastHour(
  database: Queryable,
  electionId: string,
  addressKey: string,
  now: number
): Promise<number> {
  const [row] = await database.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM audit_posts
      WHERE election_id = $1 AND address_key = $2 AND posted_at > ${at(3)}`,
    [electionId, addressKey, now - HOUR_MS]
  );
  return toNumber(row?.n ?? 0);
}
