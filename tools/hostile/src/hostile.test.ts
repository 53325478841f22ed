/**
 * @module The hostile-input suite at a reduced case count (`npm run hostile` runs ≥ 1,000 cases a
 * kind): every kind of malformed ballot and request against a real server on PGlite, through the
 * whole HTTP stack, each refused with its own code, nothing changed, the victim still able to cast;
 * then the guessing attack at a reduced size.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_ENGINES, cleanUpTestDatabases } from '@scrutineer/testkit';
import { type HostileFixture, createHostileFixture } from './hostile-fixture.ts';
import { describeGuessing } from './guessing-suite.ts';
import { allHostileKinds } from './hostile-kinds.ts';
import { assertVictimCanStillCast, runHostileKind } from './run-hostile.ts';

/** Cases a kind in `npm test`; SCRUTINEER_HOSTILE_RUNS overrides. */
const RUNS = Number(process.env['SCRUTINEER_HOSTILE_RUNS'] ?? 5);
const pglite = TEST_ENGINES.find((engine) => engine.engine === 'pglite');
assert.ok(pglite !== undefined);
after(cleanUpTestDatabases);

void describe('hostile input [pglite]', () => {
  let fixture: HostileFixture;
  before(async () => {
    fixture = await createHostileFixture(await pglite.freshDatabase());
  });
  after(() => fixture.server.close());

  it('has at least 20 kinds, each with its own name', () => {
    const names = allHostileKinds(fixture).map((kind) => kind.name);
    assert.ok(names.length >= 20, `${names.length} kinds`);
    assert.equal(new Set(names).size, names.length);
  });

  it('refuses every generated case of every kind with its code and changes nothing', async () => {
    for (const kind of allHostileKinds(fixture))
      await runHostileKind(fixture, kind, { runs: RUNS });
  });

  it('leaves the victim credential unused and able to cast', async () => {
    await assertVictimCanStillCast(fixture);
  });
});

// The guessing attack (guessing-suite.ts) on the same PGlite instance.
describeGuessing(pglite);
