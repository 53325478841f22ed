/**
 * @module Who may read GET /metrics (sign-in failures and the alarm's state help an attacker pace
 * a guessing run): the holder of the metrics token when one is configured, else only a direct
 * request from this host (a loopback peer, no X-Forwarded-For: a proxy always adds one).
 */
import type { FastifyRequest } from 'fastify';
import { bearerKeyMatches } from '../auth/secret-compare.ts';
import { ServiceError } from '../http-errors.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * /metrics shows sign-in failures and the alarm's state, which help an attacker pace a guessing
 * run: with a token configured it needs that token; without, only a loopback client that came
 * through no proxy (a scraper on the same host) may read it.
 */
export function requireMetricsAccess(
  tokenHash: string | undefined,
  bearer: string | undefined,
  request: FastifyRequest
): void {
  if (tokenHash !== undefined) {
    if (!bearerKeyMatches(bearer, tokenHash)) throw new ServiceError('auth/metrics-token-required');
    return;
  }
  const direct = request.headers['x-forwarded-for'] === undefined;
  if (!direct || !LOOPBACK.test(request.socket.remoteAddress ?? ''))
    throw new ServiceError('auth/metrics-token-required');
}
