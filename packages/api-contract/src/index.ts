/**
 * @module @scrutineer/api-contract: the HTTP API as data (the role of Belenios'
 * `endpoints.mli`). Every endpoint's method, path, audience, request and response schemas and
 * error codes; the one table of error codes; the OpenAPI document generated from them; and the
 * typed client the booth and the CLI share. Pure: no network but the caller's `fetch`.
 */
export * from './error-codes.ts';
export * from './schemas.ts';
export * from './postal-schemas.ts';
export * from './postal-audit-endpoints.ts';
export * from './ranked-endpoints.ts';
export * from './ranked-staging-endpoints.ts';
export * from './mixer-endpoints.ts';
export * from './overview-endpoints.ts';
export * from './witness-endpoints.ts';
export * from './endpoint.ts';
export * from './endpoints.ts';
export { RECORD_FILE_ENDPOINTS, type RecordFileName } from './board-endpoints.ts';
export * from './openapi.ts';
export * from './client.ts';
export * from './response-types.ts';
