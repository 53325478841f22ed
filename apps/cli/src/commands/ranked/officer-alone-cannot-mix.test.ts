/**
 * Officer alone cannot mix (spec §11.8, ADR 0032, docs/threat-model.md). The attack: the returning
 * officer, who relays every mix, runs the mix servers' code itself with permutations it knows,
 * so that after the trustees decrypt it can link each ranking to the credential that cast it.
 * Through the real server and the CLI's own client, the officer's mix signed with a key of its
 * own (it holds no mix server's key) is refused with `mix/invalid-signature` and the board is
 * unchanged; an unsigned one is malformed. And a record in which the officer appended such mixes
 * directly (as a dishonest board operator could) fails V10.6, naming every mix server, while the
 * proofs still verify (V10.2 passes): the signature is what tells who mixed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { loadGroup, randomScalar } from '@scrutineer/crypto';
import {
  RANKED_TEST_CONTESTS,
  api,
  errorCode,
  forEachEngine,
  headHash,
  simulateElection,
  suiteServer,
  wholeMixTamper,
} from '@scrutineer/testkit';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { talliedRankedElection } from '../../../test-fixtures/tallied-ranked-election.ts';
import { ApiError } from '../../client/server-client.ts';
import { postNextMix } from './ranked-actions.ts';

forEachEngine('officer alone cannot mix', (engine) => {
  const server = suiteServer(engine);

  it('officer alone cannot mix: the board refuses a mix the officer made and signed', async () => {
    const { election, client, context } = await talliedRankedElection(server());
    const before = await headHash(server(), election.electionId);

    // The officer mixes as mix server 1 (it knows the permutation) and signs with its own key.
    const officerKey = randomScalar();
    await assert.rejects(
      postNextMix(context, 'leader', 1, officerKey),
      (error) => error instanceof ApiError && error.code === 'mix/invalid-signature'
    );
    // Nor can it sign as one mix server with another's key it might have been handed.
    const mixer2Key = election.mixerSecretKeys[1];
    assert.ok(mixer2Key !== undefined);
    await assert.rejects(
      postNextMix(context, 'leader', 1, mixer2Key),
      (error) => error instanceof ApiError && error.code === 'mix/invalid-signature'
    );
    // Without any signature the mix is not even a mix body.
    const events = await client.events(election.electionId);
    assert.equal(
      events.some((e) => e.type === 'mix'),
      false
    );
    const unsigned = await api(
      server(),
      'POST',
      `/api/elections/${election.electionId}/ranked/mixes`,
      {
        token: election.adminKey,
        body: {
          parts: [
            {
              contest: 0,
              mixer: 1,
              part: 0,
              parts: 1,
              inputHash: '00'.repeat(32),
              outputs: [],
              proof: '',
            },
          ],
        },
      }
    );
    assert.equal(errorCode(unsigned), 'request/invalid-body');
    assert.deepEqual(await headHash(server(), election.electionId), before);

    // The mix server itself, with its own key, is accepted through the same officer route.
    const mixer1Key = election.mixerSecretKeys[0];
    assert.ok(mixer1Key !== undefined);
    assert.equal(await postNextMix(context, 'leader', 1, mixer1Key), 3);
  });
});

it('officer alone cannot mix: a record holding the officer’s mixes fails V10.6, naming each mix server', async () => {
  const group = await loadGroup('sodium');
  const officerKey = randomScalar();
  const simulation = simulateElection({
    group,
    voters: 5,
    trustees: 3,
    threshold: 2,
    contests: RANKED_TEST_CONTESTS,
    rankedRowsPerPart: 2,
    onlineChoice: (i) => [[i % 3], [i % 4, (i + 1) % 4], [i % 2]],
    // Every leader mix, each re-signed whole with the one key the officer holds.
    rankedTamper: wholeMixTamper({ contest: 0, signer: () => officerKey }),
  });
  const directory = mkdtempSync(join(tmpdir(), 'scrutineer-officer-mix-'));
  for (const [name, text] of Object.entries(simulation.board.toFiles()))
    writeFileSync(join(directory, name), text);
  const report = await verifyRecord(recordDirectory(directory), { group });
  assert.equal(report.ok, false);
  const failed = report.checks.filter((c) => c.status === 'failed');
  assert.deepEqual(
    failed.map((c) => c.id),
    ['V10.6']
  );
  const messages = failed.flatMap((c) => c.failures.map((f) => f.message));
  for (const m of [1, 2, 3])
    assert.ok(
      messages.some((message) =>
        message.startsWith(`contest leader, mixer ${m} (Mix server ${m}): the mix is not signed`)
      ),
      messages.join('\n')
    );
  assert.equal(report.checks.find((c) => c.id === 'V10.2')?.status, 'passed');
});
