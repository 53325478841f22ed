import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hexToBytes } from '@scrutineer/crypto';
import { appendedResponse, createElectionResponse, summarySchema } from '@scrutineer/api-contract';
import {
  nth,
  allEvents,
  api,
  bodyAs,
  castHonestBallot,
  errorCode,
  eventAt,
  headHash,
  sessionFor,
  failedChecksOf,
  verifyPublishedRecord,
  suiteServer,
  forEachEngine,
  OPERATOR_KEY,
  createTestElection,
  operatorDraft,
  postDecryptionShares,
  resultOf,
} from '@scrutineer/testkit';
import { computeResult } from '@scrutineer/protocol';
import { checkpointSchema } from '@scrutineer/record';
import { z } from 'zod';
import { hashBearerKey } from '../auth/secret-compare.ts';

forEachEngine("the officials' API", (engine) => {
  const server = suiteServer(engine);

  it('creates an election only for the operator, and fills in the board key', async () => {
    const group = server().service.group;
    const draft = operatorDraft(group, 'created-over-http');
    const body = { manifest: draft, adminKeyHash: hashBearerKey('officer') };
    assert.equal(
      errorCode(await api(server(), 'POST', '/api/elections', { body })),
      'auth/operator-required'
    );
    const refused = await api(server(), 'POST', '/api/elections', {
      token: OPERATOR_KEY,
      body: { ...body, manifest: { ...draft, board: { publicKey: '00'.repeat(32) } } },
    });
    assert.equal(errorCode(refused), 'election/board-key-supplied');
    const invalid = await api(server(), 'POST', '/api/elections', {
      token: OPERATOR_KEY,
      body: { ...body, manifest: { ...draft, title: '' } },
    });
    assert.equal(errorCode(invalid), 'election/invalid-manifest');
    const created = await api(server(), 'POST', '/api/elections', { token: OPERATOR_KEY, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const made = bodyAs(createElectionResponse, created);
    assert.match(made.boardPublicKey, /^[0-9a-f]{64}$/);
    assert.equal(made.manifest.board.publicKey, made.boardPublicKey);
    assert.equal(
      errorCode(await api(server(), 'POST', '/api/elections', { token: OPERATOR_KEY, body })),
      'election/exists'
    );
    const { body: manifest } = await api(
      server(),
      'GET',
      '/api/elections/created-over-http/manifest'
    );
    assert.deepEqual(manifest, made.manifest);
  });

  it('runs an election to its result with postal votes, and the verifier accepts the whole record', async () => {
    const election = await createTestElection(server().service, {
      voters: 6,
      trustees: 3,
      threshold: 2,
    });
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    for (const [i, voter] of election.voters.slice(0, 4).entries()) {
      const token = await sessionFor(server(), election, voter);
      assert.equal(
        (await castHonestBallot(server(), election, token, voter, i % 3 === 0 ? 1 : 0)).status,
        201
      );
    }
    for (const voter of election.voters.slice(4)) {
      assert.equal(
        (
          await api(server(), 'POST', `${base}/postal/received`, {
            ...officer,
            body: {
              credential: voter.credential,
              returnSecret: voter.postalReturn.secret,
              batch: 'b1',
            },
          })
        ).status,
        201
      );
    }
    assert.equal(
      errorCode(
        await api(server(), 'POST', `${base}/postal/received`, {
          ...officer,
          body: {
            credential: nth(election.voters, 5).credential,
            returnSecret: nth(election.voters, 5).postalReturn.secret,
          },
        })
      ),
      'postal/already-received'
    );
    const turnout = await api(server(), 'GET', `${base}/turnout`);
    assert.deepEqual(turnout.body, { online: 4, postal: 2, total: 6, eligible: 6, stage: 'open' });
    assert.equal(errorCode(await api(server(), 'GET', `${base}/result`)), 'election/no-result');
    assert.equal(
      errorCode(await api(server(), 'POST', `${base}/tally`, officer)),
      'election/wrong-stage'
    );
    const early = await api(server(), 'POST', `${base}/postal/batches`, {
      ...officer,
      body: { batch: 'b1', papers: 2, spoilt: 0, contests: [{ counts: [1, 1] }] },
    });
    assert.equal(
      errorCode(early),
      'election/wrong-stage',
      'no per-candidate count while voting is open'
    );
    assert.equal((await api(server(), 'POST', `${base}/close`, officer)).status, 201);
    const badBatch = await api(server(), 'POST', `${base}/postal/batches`, {
      ...officer,
      body: { batch: 'b1', papers: 2, spoilt: 0, contests: [{ counts: [2, 1] }] },
    });
    assert.equal(errorCode(badBatch), 'postal/invalid-batch');
    assert.equal(
      (
        await api(server(), 'POST', `${base}/postal/batches`, {
          ...officer,
          body: { batch: 'b1', papers: 2, spoilt: 0, contests: [{ counts: [1, 1] }] },
        })
      ).status,
      201
    );

    const tally = await api(server(), 'POST', `${base}/tally`, officer);
    assert.equal(tally.status, 201, JSON.stringify(tally.body));
    const tallied = bodyAs(
      appendedResponse.extend({
        ballots: z.number(),
        checkpoint: z.strictObject({ size: z.number(), root: z.string() }),
      }),
      tally
    );
    assert.equal(tallied.ballots, 4);
    const { event: tallyEvent } = await eventAt(server(), election.electionId, tallied.position);
    assert.ok(tallyEvent.type === 'encrypted-tally');
    const tallyBody = tallyEvent.body;
    const group = server().service.group;
    const shares = await postDecryptionShares(server(), election, tallyBody, tallied.checkpoint, 2);
    const duplicate = await api(server(), 'POST', `${base}/trustee-messages`, {
      body: { type: 'decryption-share', body: shares[0] },
    });
    assert.equal(errorCode(duplicate), 'trustee/duplicate-message');
    const forged = await api(server(), 'POST', `${base}/trustee-messages`, {
      body: { type: 'decryption-share', body: { ...nth(shares, 0), trustee: 3 } },
    });
    assert.equal(errorCode(forged), 'trustee/invalid-signature');

    const keyEvent = (await allEvents(server(), election.electionId)).find(
      (e) => e.type === 'election-key'
    );
    assert.ok(keyEvent?.type === 'election-key');
    const keyBody = keyEvent.body;
    const { result } = resultOf(
      computeResult(group, election.manifest, election.setup.baseHash, keyBody, tallyBody, shares, [
        [1, 1],
      ])
    );
    assert.deepEqual(
      nth(result.contests, 0).options.map((o) => o.online),
      [2, 2]
    );
    const wrongPostal = {
      contests: [
        {
          options: [
            { online: 2, postal: 2, total: 4 },
            { online: 2, postal: 0, total: 2 },
          ],
        },
      ],
    };
    assert.equal(
      errorCode(await api(server(), 'POST', `${base}/result`, { ...officer, body: wrongPostal })),
      'request/invalid-body'
    );
    const before = await headHash(server(), election.electionId);
    assert.equal(
      errorCode(await api(server(), 'POST', `${base}/result`, { token: 'wrong', body: result })),
      'auth/admin-required'
    );
    assert.deepEqual(await headHash(server(), election.electionId), before);
    assert.equal(
      (await api(server(), 'POST', `${base}/result`, { ...officer, body: result })).status,
      201
    );
    assert.deepEqual((await api(server(), 'GET', `${base}/result`)).body, result);

    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    assert.equal(report.stage, 'final');
    assert.equal(report.ok, true);
    const summary = bodyAs(summarySchema, await api(server(), 'GET', base));
    assert.equal(summary.stage, 'final');
    const checkpoint = bodyAs(
      checkpointSchema,
      await api(server(), 'GET', `${base}/checkpoints/latest`)
    );
    assert.equal(checkpoint.size, summary.size, 'the result is checkpointed');
    assert.equal(hexToBytes(checkpoint.signature).length, 64);
  });
});
