/**
 * @module The OpenAPI 3.1 description of the API, generated from the endpoint table and the zod
 * schemas that parse the requests (zod 4's `z.toJSONSchema`), so it describes what is enforced.
 */
import { z } from 'zod';
import { AUDIENCES, type Audience, errorsOf } from './endpoint.ts';
import { endpointList } from './endpoints.ts';
import { ERROR_CATALOGUE, errorResponse } from './error-codes.ts';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** The security scheme of each audience (a trustee or a mix server signs its body instead). */
const SECURITY: Record<Audience, string | null> = {
  public: null,
  voter: 'session',
  officer: 'officerKey',
  operator: 'operatorKey',
  trustee: null,
  mixer: null,
  metrics: 'metricsToken',
};

function parametersOf(spec: {
  params?: z.ZodObject;
  query?: z.ZodObject;
}): Record<string, unknown>[] {
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
  return parameters;
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of endpointList()) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = parametersOf(spec);
    const contentType = spec.contentType ?? 'application/json';
    const success = {
      description: 'success',
      content: {
        [contentType]: spec.response === undefined ? {} : { schema: jsonSchema(spec.response) },
      },
    };
    const security = SECURITY[spec.audience];
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      operationId: name,
      summary: spec.summary,
      description: `Who may call it: ${AUDIENCES[spec.audience]}.`,
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
        ...Object.fromEntries(
          [spec.status ?? 200, ...(spec.alsoStatus ?? [])].map((s) => [String(s), success])
        ),
        default: {
          description: 'an error from the catalogue',
          content: { 'application/json': { schema: jsonSchema(errorResponse) } },
        },
      },
      'x-error-codes': errorsOf(spec),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scrutineer election server',
      version: '1',
      description:
        "The bulletin board (spec §9–§10), voter sign-in and casting, and the officials' API. Errors are {error: {code, message}}; codes are listed in x-error-codes, and each operation's x-error-codes names those it may answer.",
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
        metricsToken: { type: 'http', scheme: 'bearer', description: 'the metrics token' },
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
