/**
 * @module The table of every endpoint of the API, by name. To add an endpoint, add one entry to
 * the group it belongs to (board, voter, official or service endpoints) with `endpoint({...})`;
 * the server then refuses to start until a handler implements it, the client can call it by
 * name, the OpenAPI document describes it, and the audience tests cover it.
 */
import { boardEndpoints } from './board-endpoints.ts';
import type { Endpoint } from './endpoint.ts';
import { mixerEndpoints } from './mixer-endpoints.ts';
import { officialEndpoints } from './official-endpoints.ts';
import { overviewEndpoints } from './overview-endpoints.ts';
import { witnessEndpoints } from './witness-endpoints.ts';
import { postalAuditEndpoints } from './postal-audit-endpoints.ts';
import { rankedEndpoints } from './ranked-endpoints.ts';
import { rankedStagingEndpoints } from './ranked-staging-endpoints.ts';
import { serviceEndpoints } from './service-endpoints.ts';
import { voterEndpoints } from './voter-endpoints.ts';

export const endpoints = {
  ...serviceEndpoints,
  ...boardEndpoints,
  ...overviewEndpoints,
  ...witnessEndpoints,
  ...voterEndpoints,
  ...officialEndpoints,
  ...postalAuditEndpoints,
  ...rankedEndpoints,
  ...rankedStagingEndpoints,
  ...mixerEndpoints,
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** The table as a list of named entries (the server's registration, the OpenAPI document, tests). */
export function endpointList(): readonly (readonly [EndpointName, Endpoint])[] {
  return Object.entries(endpoints) as [EndpointName, Endpoint][];
}
