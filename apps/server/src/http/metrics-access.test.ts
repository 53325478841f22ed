import assert from 'node:assert/strict';
import { it } from 'node:test';
import { api, errorCode, forEachEngine, startTestServer } from '@scrutineer/testkit';

const metrics = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/metrics`, { headers }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));

forEachEngine('who may read the metrics', (engine) => {
  it('F26: without a token, /metrics answers only a direct request from this host', async () => {
    const server = await startTestServer(await engine.freshDatabase(), {
      trustedProxies: { addresses: ['127.0.0.1', '::1'], hops: 1 },
    });
    try {
      const direct = await metrics(server.url);
      assert.equal(direct.status, 200);
      assert.match(direct.text, /scrutineer_sign_in_alarm_active/);
      // Through the proxy (it adds X-Forwarded-For): the public, who could pace a guessing run.
      const proxied = await metrics(server.url, { 'x-forwarded-for': '203.0.113.5' });
      assert.equal(proxied.status, 401);
      assert.doesNotMatch(proxied.text, /scrutineer_sign_in/);
      assert.match(proxied.text, /auth\/metrics-token-required/);
    } finally {
      await server.close();
    }
  });

  it('F26: with a token, /metrics needs it, from anywhere', async () => {
    const server = await startTestServer(await engine.freshDatabase(), {
      metricsToken: 'scrape-token-0123456789',
    });
    try {
      assert.equal(errorCode(await api(server, 'GET', '/metrics')), 'auth/metrics-token-required');
      assert.equal(
        errorCode(await api(server, 'GET', '/metrics', { token: 'wrong' })),
        'auth/metrics-token-required'
      );
      const scraped = await api(server, 'GET', '/metrics', { token: 'scrape-token-0123456789' });
      assert.equal(scraped.status, 200);
    } finally {
      await server.close();
    }
  });
});
