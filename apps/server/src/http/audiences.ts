/**
 * @module The one place where the server checks who is calling: a gate per audience of the
 * contract (@scrutineer/api-contract `AUDIENCES`), run by route-spec.ts before any body is read.
 * No handler checks its caller itself.
 */
import { bearerKeyMatches, hashBearerKey } from '../auth/secret-compare.ts';
import { ServiceError } from '../http-errors.ts';
import { authorizeOfficer } from '../officials/officer-auth.ts';
import { type AppContext, requireSession } from './app-context.ts';
import { limitKey } from './client-address.ts';
import { requireMetricsAccess } from './metrics-access.ts';
import type { AudienceGates } from './route-spec.ts';

/**
 * An officials' key check with a per-address lockout and the alarm: an address with too many
 * failures this hour (sign-ins and key checks together, in the shared store) is refused before
 * the check, and every wrong key is a failure and a warning in the log (without the address).
 * The keys themselves are 256-bit random (`scrutineer election keygen`), so their SHA-256 needs
 * no salt or slow hash; this bounds online guessing and makes it visible.
 */
async function guarded(context: AppContext, ip: string, check: () => Promise<void>): Promise<void> {
  const key = limitKey(ip);
  if (await context.monitor.failedTooOften(key))
    throw new ServiceError(
      'request/rate-limited',
      'Too many failed key checks from this address; try again later.'
    );
  try {
    await check();
  } catch (error) {
    if (
      error instanceof ServiceError &&
      (error.code === 'auth/admin-required' || error.code === 'auth/operator-required')
    ) {
      await context.monitor.recordFailure(key);
      context.service.logger.warn({ refusal: error.code }, 'an official key check failed');
    }
    throw error;
  }
}

export function audienceGates(
  context: AppContext,
  metricsToken: string | undefined
): AudienceGates {
  const { service } = context;
  const metricsTokenHash = metricsToken === undefined ? undefined : hashBearerKey(metricsToken);
  return {
    public: () => Promise.resolve(),
    // Before a ballot's body (up to the schema's largest ballot) is read: a session (F8).
    voter: ({ params, bearer }) => requireSession(context, params['electionId'] ?? '', bearer),
    officer: ({ params, bearer, ip }) =>
      guarded(context, ip, () => authorizeOfficer(service, params['electionId'] ?? '', bearer)),
    operator: ({ bearer, ip }) => {
      const hash = context.operatorKeyHash;
      if (hash === undefined) throw new ServiceError('auth/election-creation-disabled');
      return guarded(context, ip, () => {
        if (!bearerKeyMatches(bearer, hash)) throw new ServiceError('auth/operator-required');
        return Promise.resolve();
      });
    },
    // Authenticated by the signature inside the body, so the body must be read: it is held to
    // what the largest trustee message needs (body-limits.ts), and the election must exist first.
    trustee: async ({ params }) => {
      await service.elections.get(params['electionId'] ?? '');
    },
    // A mix server: authenticated by its signature inside the body, checked by the handler before
    // any other work (mixer-posts.ts); a mix or a part is held to the ranked request limit.
    mixer: async ({ params }) => {
      await service.elections.get(params['electionId'] ?? '');
    },
    metrics: ({ bearer, raw }) => {
      requireMetricsAccess(metricsTokenHash, bearer, raw);
      return Promise.resolve();
    },
  };
}
