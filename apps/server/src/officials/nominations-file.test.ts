import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { hashBearerKey } from '../auth/secret-compare.ts';
import {
  api,
  errorCode,
  suiteServer,
  forEachEngine,
  OPERATOR_KEY,
  operatorDraft,
} from '@scrutineer/testkit';

const ADMIN_KEY = 'officer-key-for-nominations';
/** A canonical nominations document (spec §9.2.6) as `nominations close` writes it. */
const DOCUMENT =
  '{"candidates":[{"id":"c1","name":"A","nominations":120},{"id":"c2","name":"B","nominations":101}],"contest":"leader","threshold":100}';
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

forEachEngine('publishing nominations.json', (engine) => {
  const server = suiteServer(engine);

  /** Creates an election over HTTP, with a manifest naming `hash` as its nominations if given. */
  async function createElection(electionId: string, hash?: string): Promise<string> {
    const draft = operatorDraft(server().service.group, electionId);
    const manifest =
      hash === undefined
        ? draft
        : { ...draft, nominations: { threshold: 100, hash, qualified: ['c1', 'c2'] } };
    const created = await api(server(), 'POST', '/api/elections', {
      token: OPERATOR_KEY,
      body: { manifest, adminKeyHash: hashBearerKey(ADMIN_KEY) },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return `/api/elections/${electionId}`;
  }

  const upload = (base: string, document: string, token: string | null = ADMIN_KEY) =>
    api(server(), 'POST', `${base}/nominations`, {
      ...(token === null ? {} : { token }),
      body: { document },
    });

  it('refuses a document whose recount does not give the manifest its qualified candidates', async () => {
    // Hashed into the manifest, so only the recount (spec §9.2.6, V1.3) can refuse it.
    const short = DOCUMENT.replace('"nominations":101', '"nominations":99');
    const base = await createElection('nominated-short', sha256Hex(short));
    const refused = await upload(base, short);
    assert.equal(errorCode(refused), 'nominations/invalid-document');
    const otherThreshold = DOCUMENT.replace('"threshold":100', '"threshold":90');
    const second = await createElection('nominated-threshold', sha256Hex(otherThreshold));
    assert.equal(errorCode(await upload(second, otherThreshold)), 'nominations/invalid-document');
    assert.equal(
      errorCode(await api(server(), 'GET', `${base}/record/nominations.json`)),
      'nominations/not-published'
    );
  });

  it('stores the document once, for the officer only, and serves it byte for byte', async () => {
    const base = await createElection('nominated-once', sha256Hex(DOCUMENT));
    const before = await api(server(), 'GET', `${base}/record/nominations.json`);
    assert.equal(before.status, 404);
    assert.equal(errorCode(before), 'nominations/not-published');
    assert.equal(errorCode(await upload(base, `${DOCUMENT}\n`, null)), 'auth/admin-required');
    assert.equal(errorCode(await upload(base, `${DOCUMENT}\n`, 'wrong')), 'auth/admin-required');

    // A final newline is allowed (files end in one); the hash is over the canonical bytes.
    const first = await upload(base, `${DOCUMENT}\n`);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(first.body, { hash: sha256Hex(DOCUMENT), created: true });
    const again = await upload(base, `${DOCUMENT}\n`);
    assert.equal(again.status, 200, 'the same bytes again change nothing');
    assert.deepEqual(again.body, { hash: sha256Hex(DOCUMENT), created: false });
    // The same canonical JSON without the newline is other bytes: the published file never changes.
    assert.equal(errorCode(await upload(base, DOCUMENT)), 'nominations/already-published');

    const served = await api(server(), 'GET', `${base}/record/nominations.json`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(JSON.stringify(served.body), DOCUMENT);
    const raw = await fetch(`${server().url}${base}/record/nominations.json`);
    assert.equal(await raw.text(), `${DOCUMENT}\n`);

    const log = await api(server(), 'GET', `${base}/audit-log`, { token: ADMIN_KEY });
    const entries = (log.body as { entries: { action: string; detail: unknown }[] }).entries;
    assert.deepEqual(
      entries.filter((e) => e.action === 'nominations').map((e) => e.detail),
      [{ hash: sha256Hex(DOCUMENT) }]
    );
  });

  it('refuses a document that does not hash to the manifest, or is not canonical', async () => {
    const base = await createElection('nominated-refusals', sha256Hex(DOCUMENT));
    const tampered = DOCUMENT.replace('"nominations":120', '"nominations":121');
    const wrong = await upload(base, tampered);
    assert.equal(wrong.status, 400);
    assert.equal(errorCode(wrong), 'nominations/hash-mismatch');
    for (const text of [
      JSON.stringify(JSON.parse(DOCUMENT), null, 2), // whitespace
      `${DOCUMENT}\n\n`, // more than one final newline
      '{"threshold":100,"contest":"leader"}', // key order
      'not json',
    ])
      assert.equal(errorCode(await upload(base, text)), 'nominations/not-canonical', text);
    // Nothing was stored by the refusals.
    assert.equal(
      errorCode(await api(server(), 'GET', `${base}/record/nominations.json`)),
      'nominations/not-published'
    );
    assert.equal((await upload(base, DOCUMENT)).status, 201);
    const raw = await fetch(`${server().url}${base}/record/nominations.json`);
    assert.equal(await raw.text(), DOCUMENT);
  });

  it('refuses nominations for a manifest that names none, and unknown elections', async () => {
    const base = await createElection('not-nominated');
    assert.equal(errorCode(await upload(base, DOCUMENT)), 'nominations/not-named');
    assert.equal(
      errorCode(await api(server(), 'GET', `${base}/record/nominations.json`)),
      'nominations/not-published'
    );
    assert.equal(
      errorCode(
        await api(server(), 'GET', '/api/elections/no-such-election/record/nominations.json')
      ),
      'election/not-found'
    );
  });
});
