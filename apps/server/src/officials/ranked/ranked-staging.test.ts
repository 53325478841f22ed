/**
 * Staging a ranked step part by part (spec §11.8 "Staging"), on a board whose ranked request limit
 * is smaller than one mix: the whole mix in one request is refused; staged part by part, a part
 * sent again is accepted again and another body for it refused, a commit before every part is
 * staged refused with the staging kept, and the committed mix appended whole; the same upload
 * committed again (its answer lost) answered with the same positions and appended once, another
 * upload for the filled step refused; a bad mix (a row
 * dropped) is refused at the commit with nothing appended and its staging discarded; a step out of
 * turn keeps its staging; a step's staging is bounded; on PostgreSQL a second server instance
 * takes parts the first began. The board remembers each checked mix under the hashes of its
 * events, and a mix whose stored line changed (or one after it) is no longer taken as checked.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  mixBodies,
  mixOutputRows,
  mixStagedParts,
  rankedInputRows,
  stagedPartDigest,
  stagedUploadDigest,
} from '@scrutineer/protocol';
import { type MixBody, mixStatementOf, signMix } from '@scrutineer/record';
import type { RunningServer } from '../../server.ts';
import { verifyRankedContest } from '@scrutineer/verifier';
import {
  api,
  castRankedTestElection,
  errorCode,
  forEachEngine,
  headHash,
  reopen,
  startTestServer,
  suiteServer,
} from '@scrutineer/testkit';
import { readRankedBoard } from './ranked-board.ts';

/** Smaller than a mix of the test election's three rows, larger than one row of it. */
const REQUEST_LIMIT = 2_500;
const STEP_LIMIT = 12_000;

forEachEngine('staging a ranked step through the board', (engine) => {
  const limits = { rankedStaging: { request: REQUEST_LIMIT, step: STEP_LIMIT } };
  const server = suiteServer(engine, limits);

  it('stages, resumes, refuses and commits mixes whole, and remembers the checked ones', async () => {
    const election = await castRankedTestElection(server());
    const { group, baseHash, electionKey } = election.setup;
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    const post = (path: string, body: unknown, on: RunningServer = server()) =>
      api(on, 'POST', `${base}${path}`, { ...officer, body });
    const stagingOf = async (step: string) =>
      (await api(server(), 'GET', `${base}/ranked/staging?step=${step}`, officer)).body as {
        parts: number | null;
        staged: { part: number }[];
        limits: { request: number; step: number };
      };
    const unchanged = async <T>(work: () => Promise<T>): Promise<T> => {
      const before = await headHash(server(), election.electionId);
      const result = await work();
      assert.deepEqual(await headHash(server(), election.electionId), before);
      return result;
    };
    const stage = (part: { readonly body: unknown }, on?: RunningServer) =>
      post('/ranked/staging/parts', { type: 'mix', body: part.body }, on);
    const mixOf = (mixer: number, inputs: ReturnType<typeof rankedInputRows>) =>
      mixBodies(
        group,
        { baseHash, publicKey: electionKey, contest: 0, mixer, inputs },
        {
          secretKey: election.mixerSecretKeys[mixer - 1] ?? 0n,
          manifestHash: election.manifestHash,
        },
        inputs.length
      );

    assert.equal((await post('/close', undefined)).status, 201);
    const events = (await api(server(), 'GET', `${base}/events?from=0&limit=1000`)).body as {
      events: { type: string; body: { ballot: never } }[];
    };
    const counted = events.events.flatMap((e) => (e.type === 'ballot-cast' ? [e.body.ballot] : []));
    let rows = rankedInputRows(group, election.manifest, counted, 0);
    const first = mixOf(1, rows);
    const parts = mixStagedParts(first, REQUEST_LIMIT);
    assert.ok(parts.length >= 2, `${parts.length} parts`);
    const [part0, ...rest] = parts.map((p) => ({ body: p.body as MixBody }));
    assert.ok(part0 !== undefined);

    // Before the tally nothing is staged.
    await unchanged(async () =>
      assert.equal(errorCode(await stage(part0)), 'election/wrong-stage')
    );
    assert.equal((await post('/tally', undefined)).status, 201);

    // The whole mix in one request is over the limit: it needs staging.
    await unchanged(async () =>
      assert.equal(
        errorCode(await post('/ranked/mixes', { parts: first })),
        'request/body-too-large'
      )
    );
    assert.equal((await stage(part0)).status, 201);
    // Sent again (a retry after a lost answer): accepted, staged once.
    const again = await stage(part0);
    assert.equal(again.status, 200);
    assert.equal((again.body as { created: boolean }).created, false);
    const other = { body: { ...part0.body, outputs: [...part0.body.outputs].reverse() } };
    if (part0.body.outputs.length < 2) other.body.proof = `${part0.body.proof.slice(2)}00`;
    assert.equal(errorCode(await stage(other)), 'ranked/staged-part-differs');
    const recount = { body: { ...rest[0]?.body, parts: parts.length + 1 } };
    assert.equal(errorCode(await stage(recount)), 'ranked/invalid-parts');
    // A commit before every part is staged: refused, the staging kept for the rest.
    await unchanged(async () =>
      assert.equal(
        errorCode(await post('/ranked/staging/commit', { step: 'mix/0/1' })),
        'ranked/staging-incomplete'
      )
    );
    const held = await stagingOf('mix/0/1');
    assert.deepEqual(
      held.staged.map((s) => s.part),
      [0]
    );
    assert.equal(held.parts, parts.length);
    assert.deepEqual(held.limits, { request: REQUEST_LIMIT, step: STEP_LIMIT });
    for (const part of rest) assert.equal((await stage(part)).status, 201);
    const committed = await post('/ranked/staging/commit', { step: 'mix/0/1' });
    assert.equal(committed.status, 201, JSON.stringify(committed.body));
    assert.equal((committed.body as { positions: number[] }).positions.length, parts.length);
    assert.deepEqual((await stagingOf('mix/0/1')).staged, []);
    const positions = (committed.body as { positions: number[] }).positions;

    // The answer to the commit lost: the same upload (by its digest) committed again is answered
    // 200 with the same positions, and nothing is appended.
    const upload = stagedUploadDigest(parts.map(stagedPartDigest));
    const repeat = await unchanged(() =>
      post('/ranked/staging/commit', { step: 'mix/0/1', digest: upload })
    );
    assert.equal(repeat.status, 200, JSON.stringify(repeat.body));
    assert.deepEqual(repeat.body, { positions });
    // Without the digest and with nothing staged, there is no upload to commit.
    assert.equal(
      errorCode(await post('/ranked/staging/commit', { step: 'mix/0/1' })),
      'ranked/staging-incomplete'
    );
    // The same parts staged again and committed (no digest: the staged upload): the same answer,
    // and the staging of the step on the board is deleted.
    for (const part of parts) await stage(part);
    const restaged = await unchanged(() => post('/ranked/staging/commit', { step: 'mix/0/1' }));
    assert.equal(restaged.status, 200, JSON.stringify(restaged.body));
    assert.deepEqual(restaged.body, { positions });
    assert.deepEqual((await stagingOf('mix/0/1')).staged, []);
    // Another upload for the step on the board is refused for its turn.
    const another = await unchanged(() =>
      post('/ranked/staging/commit', { step: 'mix/0/1', digest: 'ab'.repeat(32) })
    );
    assert.equal(errorCode(another), 'ranked/out-of-order');
    assert.match(JSON.stringify(another.body), /on the board already as another upload/);
    // The board holds mixer 1's mix once.
    const mixesOnBoard = (
      (await api(server(), 'GET', `${base}/events?from=0&limit=1000`)).body as {
        events: { type: string; position: number; body: { mixer: number } }[];
      }
    ).events.filter((e) => e.type === 'mix' && e.body.mixer === 1);
    assert.deepEqual(
      mixesOnBoard.map((e) => e.position),
      positions
    );
    rows = mixOutputRows(group, first);

    // Mixer 2 drops a row and signs its cheat: its staged parts are refused at the commit (the
    // proof, not the signature, fails) and discarded.
    const honest = mixOf(2, rows);
    const cheat = { ...(honest[0] as MixBody), outputs: honest[0]?.outputs.slice(1) ?? [] };
    const dropped: MixBody[] = [
      {
        ...cheat,
        signature: signMix(
          group,
          election.manifestHash,
          election.mixerSecretKeys[1] ?? 0n,
          mixStatementOf([cheat])
        ),
      },
    ];
    for (const part of mixStagedParts(dropped, REQUEST_LIMIT)) await stage(part);
    await unchanged(async () =>
      assert.equal(
        errorCode(await post('/ranked/staging/commit', { step: 'mix/0/2' })),
        'mix/invalid-proof'
      )
    );
    assert.deepEqual((await stagingOf('mix/0/2')).staged, []);

    // Mixer 3 staged before mixer 2 is on the board: out of turn, its staging kept.
    for (const part of mixStagedParts(mixOf(3, rows), REQUEST_LIMIT)) await stage(part);
    await unchanged(async () =>
      assert.equal(
        errorCode(await post('/ranked/staging/commit', { step: 'mix/0/3' })),
        'ranked/out-of-order'
      )
    );
    assert.ok((await stagingOf('mix/0/3')).staged.length > 0);
    // A commit naming another upload than the one staged: refused, the staging kept.
    await unchanged(async () =>
      assert.equal(
        errorCode(
          await post('/ranked/staging/commit', { step: 'mix/0/3', digest: 'ab'.repeat(32) })
        ),
        'ranked/staged-part-differs'
      )
    );
    assert.ok((await stagingOf('mix/0/3')).staged.length > 0);
    // …and discarded by the officer, since mixer 3 must shuffle mixer 2's output.
    assert.equal((await post('/ranked/staging/discard', { step: 'mix/0/3' })).status, 200);
    assert.deepEqual((await stagingOf('mix/0/3')).staged, []);

    // A step's staging is bounded: parts beyond STEP_LIMIT bytes are refused.
    const many = Array.from({ length: 40 }, (_, part) => ({
      body: { ...part0.body, mixer: 3, part, parts: 40 },
    }));
    const answers = [];
    for (const part of many) answers.push(errorCode(await stage(part)));
    assert.ok(answers.includes('ranked/staging-full'), answers.join(' '));
    await post('/ranked/staging/discard', { step: 'mix/0/3' });

    // Mixer 2's honest mix, its parts begun on this instance and finished on another (PostgreSQL:
    // the staging is in the database, not in the instance).
    const second =
      engine.engine === 'postgres'
        ? await startTestServer(await reopen(engine, server().database), limits)
        : server();
    try {
      const staged = mixStagedParts(honest, REQUEST_LIMIT);
      assert.equal((await stage(staged[0] ?? part0)).status, 201);
      for (const part of staged.slice(1)) assert.equal((await stage(part, second)).status, 201);
      const done = await post('/ranked/staging/commit', { step: 'mix/0/2' }, second);
      assert.equal(done.status, 201, JSON.stringify(done.body));
    } finally {
      if (second !== server()) await second.close();
    }
    rows = mixOutputRows(group, honest);
    const third = mixOf(3, rows);
    for (const part of mixStagedParts(third, REQUEST_LIMIT)) await stage(part);
    assert.equal((await post('/ranked/staging/commit', { step: 'mix/0/3' })).status, 201);

    // The cache: every mix remembered as checked under its events' hashes.
    const service = server().service;
    const electionRecord = await service.elections.get(election.electionId);
    const board = () =>
      service.database.transaction((t) => readRankedBoard(service, t, electionRecord, 0));
    assert.deepEqual([...(await board()).checkedMixes].sort(), [1, 2, 3]);
    // Mixer 2's first part changed in the store (two ciphertexts of a row swapped): mixes 2 and
    // 3 are no longer taken as checked, and V10.2 finds mixer 2's proof failing (and mixer 3's
    // input no longer mixer 2's output).
    const [line] = await service.database.query<{ line: string; position: string }>(
      `SELECT line, position FROM events WHERE election_id = $1 AND type = 'mix'
        AND line LIKE '%"mixer":2%' ORDER BY position LIMIT 1`,
      [election.electionId]
    );
    assert.ok(line !== undefined);
    const event = JSON.parse(line.line) as { body: { outputs: string[][] } };
    const row = event.body.outputs[0] as string[];
    [row[0], row[1]] = [row[1] as string, row[0] as string];
    await service.database.query(
      'UPDATE events SET line = $3 WHERE election_id = $1 AND position = $2',
      [election.electionId, line.position, JSON.stringify(event)]
    );
    const tampered = await board();
    assert.deepEqual([...tampered.checkedMixes], [1]);
    const v102 = verifyRankedContest(group, {
      ...tampered,
      ballots: [],
      firstInputs: tampered.inputs,
      rankings: [],
    }).find((r) => r.id === 'V10.2');
    assert.deepEqual(
      v102?.failures.map((f) => f.mixer),
      [2, 3]
    );
  });
});
