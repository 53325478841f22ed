/** @module The server's own endpoints: liveness, this API's OpenAPI document, and metrics. */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { healthResponse } from './schemas.ts';

export const serviceEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    audience: 'public',
    response: healthResponse,
    errors: [],
  }),
  openapi: endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This description',
    audience: 'public',
    response: z.record(z.string(), z.unknown()).describe('an OpenAPI 3.1 document'),
    errors: [],
  }),
  metrics: endpoint({
    method: 'GET',
    path: '/metrics',
    summary:
      'Prometheus metrics of this instance: sign-in failures, refusals and the alarm, ballots cast and refused',
    audience: 'metrics',
    contentType: 'text/plain; version=0.0.4',
    errors: [],
  }),
} as const;
