/**
 * @module The OpenAPI 3.1 description of the API, generated from the same route table and zod
 * schemas that parse the requests (zod 4's `z.toJSONSchema`), so it describes what is enforced.
 */
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../http-errors.ts';
import type { RouteSpec } from './route-spec.ts';
import { errorResponse } from './schemas.ts';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

const SECURITY: Record<RouteSpec['audience'], string | null> = {
  public: null,
  voter: 'session',
  officer: 'officerKey',
  operator: 'operatorKey',
  trustee: null,
};

export function openApiDocument(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: Record<string, unknown>[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (schema === undefined) continue;
      for (const [name, property] of Object.entries(schema.shape)) {
        const optional = (property as z.ZodType).safeParse(undefined).success;
        parameters.push({
          name,
          in: where,
          required: where === 'path' || !optional,
          schema: jsonSchema(property as z.ZodType),
        });
      }
    }
    const status = String(spec.status ?? 200);
    const contentType = spec.contentType ?? 'application/json';
    const security = SECURITY[spec.audience];
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: [spec.audience],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(spec.body) } },
            },
          }),
      ...(security === null ? {} : { security: [{ [security]: [] }] }),
      responses: {
        [status]: {
          description: 'success',
          content: {
            [contentType]: spec.response === undefined ? {} : { schema: jsonSchema(spec.response) },
          },
        },
        default: {
          description: 'an error from the catalogue',
          content: { 'application/json': { schema: jsonSchema(errorResponse) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scrutineer election server',
      version: '1',
      description:
        "The bulletin board (spec §9–§10), voter sign-in and casting, and the officials' API. Errors are {error: {code, message}}; codes are listed in x-error-codes.",
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the token from POST /sign-in' },
        officerKey: {
          type: 'http',
          scheme: 'bearer',
          description: "the returning officer's key of the election",
        },
        operatorKey: { type: 'http', scheme: 'bearer', description: "the server operator's key" },
      },
    },
    'x-error-codes': Object.fromEntries(
      Object.entries(ERROR_CATALOGUE).map(([code, [status, message]]) => [
        code,
        { status, message },
      ])
    ),
  };
}
