/**
 * @module The returning officer's authority over one election: a bearer key whose SHA-256 was set
 * when the election was created, compared in constant time. Every refusal looks the same.
 */
import { bearerKeyMatches } from '../auth/secret-compare.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';

export async function authorizeOfficer(
  context: ServiceContext,
  electionId: string,
  bearerKey: string | undefined
): Promise<void> {
  const election = await context.elections.get(electionId);
  if (!bearerKeyMatches(bearerKey, election.adminKeyHash))
    throw new ServiceError('auth/admin-required');
}
