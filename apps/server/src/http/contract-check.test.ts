/**
 * The server holds its answers to the contract under test: registerRoutes (the real
 * registration every server uses) checks each answer against its endpoint's response schema and
 * status, and a handler that breaks them answers 500 with the breach in the log, so the test that
 * called it fails. Outside tests the check is off and the answer goes out as the handler made it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { endpointList } from '@scrutineer/api-contract';
import { type AudienceGates, type RouteSpec, implement, registerRoutes } from './route-spec.ts';

const open: AudienceGates = {
  public: () => Promise.resolve(),
  voter: () => Promise.reject(new Error('no voter endpoint is called here')),
  officer: () => Promise.resolve(),
  trustee: () => Promise.resolve(),
  mixer: () => Promise.resolve(),
  operator: () => Promise.resolve(),
  metrics: () => Promise.resolve(),
};

/** An app whose every endpoint answers `{}` but for the given routes. */
async function appWith(routes: readonly RouteSpec[], checkResponses: boolean) {
  const errors: string[] = [];
  const app = Fastify();
  app.setErrorHandler((error: Error, _request, reply) => {
    errors.push(`${error.name}: ${error.message}`);
    void reply.code(500).send({ error: { code: 'server/internal-error', message: '' } });
  });
  const given = new Set(routes.map((r) => r.name));
  registerRoutes(
    app,
    [
      ...routes,
      ...endpointList()
        .filter(([name]) => !given.has(name))
        .map(([name]) => implement(name, () => Promise.resolve({}) as never)),
    ],
    { gates: open, bodyLimit: () => 1 << 20, checkResponses }
  );
  await app.ready();
  return { app, errors };
}

describe('answers are checked against the contract under test', () => {
  it('a handler whose answer breaks its response schema fails the request loudly', async () => {
    // `ok` must be a boolean: a string is what a careless handler might send.
    const wrong = implement('health', () => Promise.resolve({ ok: 'yes' }) as never);
    const { app, errors } = await appWith([wrong], true);
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 500);
    assert.equal(errors.length, 1);
    assert.match(
      nthError(errors),
      /ContractBreach: the answer of health breaks the API contract: \/ok/
    );
    await app.close();
  });

  it('a handler that answers a status its endpoint does not name fails too', async () => {
    const wrong = implement('health', async (_request, reply) => {
      reply.code(202);
      return { ok: true };
    });
    const { app, errors } = await appWith([wrong], true);
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 500);
    assert.match(nthError(errors), /status 202, not 200/);
    await app.close();
  });

  it('an answer with a field the schema does not know fails (the schemas are strict)', async () => {
    const wrong = implement(
      'health',
      () => Promise.resolve({ ok: true, debug: 'internal state' }) as never
    );
    const { app } = await appWith([wrong], true);
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 500);
    await app.close();
  });

  it('a right answer passes, and without the check a wrong one goes out unchecked', async () => {
    const right = implement('health', () => Promise.resolve({ ok: true }));
    const checked = await appWith([right], true);
    const answer = await checked.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(answer.json(), { ok: true });
    await checked.app.close();
    const wrong = implement('health', () => Promise.resolve({ ok: 'yes' }) as never);
    const unchecked = await appWith([wrong], false);
    assert.equal(
      (await unchecked.app.inject({ method: 'GET', url: '/api/health' })).statusCode,
      200
    );
    await unchecked.app.close();
  });

  it('the server refuses to start with an endpoint of the table left unimplemented', () => {
    const app = Fastify();
    assert.throws(
      () => registerRoutes(app, [], { gates: open, bodyLimit: () => 1024, checkResponses: false }),
      /endpoint health has 0 implementations, not 1/
    );
  });
});

function nthError(errors: readonly string[]): string {
  const first = errors[0];
  assert.ok(first !== undefined, 'an error was logged');
  return first;
}
