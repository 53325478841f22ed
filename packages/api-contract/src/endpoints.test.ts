import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AUDIENCES,
  COMMON_ERRORS,
  ERROR_CATALOGUE,
  endpointList,
  endpointPath,
  endpoints,
  errorsOf,
  isErrorCode,
  openApiDocument,
} from './index.ts';

describe('the endpoint table', () => {
  it('names each method and path once, and each path parameter in its params schema', () => {
    const seen = new Set<string>();
    for (const [name, spec] of endpointList()) {
      const key = `${spec.method} ${spec.path}`;
      assert.ok(!seen.has(key), `${name}: ${key} twice`);
      seen.add(key);
      const inPath = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      assert.deepEqual(inPath, Object.keys(spec.params?.shape ?? {}).sort(), name);
      assert.ok(spec.audience in AUDIENCES, name);
      assert.equal(spec.method === 'GET' && spec.body !== undefined, false, `${name}: GET body`);
    }
  });

  it('lists only catalogue codes, with the common ones on every endpoint', () => {
    for (const [name, spec] of endpointList()) {
      const errors = errorsOf(spec);
      for (const code of errors) assert.ok(isErrorCode(code), `${name}: ${code}`);
      for (const code of COMMON_ERRORS) assert.ok(errors.includes(code), `${name}: ${code}`);
    }
  });

  it('generates an OpenAPI operation per endpoint, with its audience and error codes', () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { operationId: string; 'x-error-codes': string[] }>>;
      'x-error-codes': Record<string, unknown>;
    };
    const operations = Object.values(document.paths).flatMap((p) => Object.values(p));
    assert.deepEqual(
      operations.map((o) => o.operationId).sort(),
      endpointList()
        .map(([name]) => name)
        .sort()
    );
    const cast = document.paths['/api/elections/{electionId}/ballots']?.['post'];
    assert.ok(cast?.['x-error-codes'].includes('ballot/credential-already-used'));
    assert.deepEqual(Object.keys(document['x-error-codes']), Object.keys(ERROR_CATALOGUE));
  });

  it('builds call paths with encoded parameters and the query', () => {
    assert.equal(
      endpointPath(endpoints.event, { electionId: 'e-1', position: 7 }),
      '/api/elections/e-1/events/7'
    );
    assert.equal(
      endpointPath(endpoints.events, { electionId: 'a/b' }, { from: 0, limit: 10 }),
      '/api/elections/a%2Fb/events?from=0&limit=10'
    );
    assert.throws(() => endpointPath(endpoints.summary, {}), /no value for :electionId/);
  });
});
