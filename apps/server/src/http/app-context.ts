/**
 * @module What the route handlers share: the service context, the sign-in monitor, the operator's
 * key hash, and the session check every voter route starts with.
 */
import { type Session, checkSessionToken } from '../auth/hmac-stamps.ts';
import type { SignInMonitor } from '../auth/sign-in-monitor.ts';
import { ServiceError } from '../http-errors.ts';
import type { StagingLimits } from '../officials/ranked/ranked-staging.ts';
import type { ServiceContext } from '../service-context.ts';
import type { CastAdmission } from '../voting/cast-admission.ts';

export interface AppContext {
  readonly service: ServiceContext;
  readonly monitor: SignInMonitor;
  /** SHA-256 hex of the key that may create elections; none = creation over HTTP is off. */
  readonly operatorKeyHash: string | undefined;
  readonly counters: { ballotsCast: number; ballotsRefused: number };
  /** The bound on casts in flight (503 + Retry-After beyond it). */
  readonly castAdmission: CastAdmission;
  /** The ranked routes' request limit and the staging's limits (spec §11.8). */
  readonly rankedStaging: StagingLimits;
}

export async function requireSession(
  context: AppContext,
  electionId: string,
  bearer: string | undefined
): Promise<Session> {
  if (bearer === undefined) throw new ServiceError('auth/missing-token');
  const election = await context.service.elections.get(electionId);
  return checkSessionToken(election.hmacKey, electionId, bearer, context.service.clock());
}
