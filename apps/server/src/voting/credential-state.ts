/**
 * @module What a credential may still do: revoked (replaced by a new pack) and locked (five wrong
 * answers) credentials cast nothing; a credential that voted by post casts nothing online (spec
 * §9.7), and the refusal is itself published once as a `cast-refused` event.
 */
import type { Queryable } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import { MAX_FAILED_ATTEMPTS } from '../auth/sign-in.ts';

export interface CredentialState {
  readonly status: 'active' | 'revoked';
  readonly locked: boolean;
  readonly channel: 'online' | 'postal' | null;
  /** Spec §13.1, §13.4: the category (null without styles) and weight bound to the credential. */
  readonly style: string | null;
  readonly weight: number;
}

export async function readCredentialState(
  database: Queryable,
  electionId: string,
  credential: string
): Promise<CredentialState | null> {
  const rows = await database.query<CredentialRow>(CREDENTIAL_STATE_SQL, [electionId, credential]);
  return credentialStateFromRow(rows[0]);
}

export interface CredentialRow {
  status: 'active' | 'revoked';
  failed_attempts: number;
  channel: 'online' | 'postal' | null;
  style: string | null;
  weight: number;
}

/** The state of the credential `credential` (an SQL expression) of election $1. */
export function credentialStateSql(credential: string): string {
  return `SELECT c.status, c.failed_attempts, u.channel, c.style, c.weight FROM credentials c
       LEFT JOIN credential_uses u ON u.election_id = c.election_id AND u.credential = c.credential
      WHERE c.election_id = $1 AND c.credential = ${credential}`;
}

/** The state of credential $2 of election $1. */
const CREDENTIAL_STATE_SQL = credentialStateSql('$2');

export function credentialStateFromRow(
  row: CredentialRow | null | undefined
): CredentialState | null {
  if (row === null || row === undefined) return null;
  return {
    status: row.status,
    locked: row.failed_attempts >= MAX_FAILED_ATTEMPTS,
    channel: row.channel,
    style: row.style,
    weight: row.weight,
  };
}

/** Refuses a credential that is unknown, revoked or locked. */
export function assertCredentialActive(
  state: CredentialState | null
): asserts state is CredentialState {
  if (state === null)
    throw new ServiceError('auth/invalid-token', 'The signed-in credential is not on this board.');
  if (state.status === 'revoked') throw new ServiceError('auth/credential-revoked');
  if (state.locked) throw new ServiceError('auth/credential-locked');
}
