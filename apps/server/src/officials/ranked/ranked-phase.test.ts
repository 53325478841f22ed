/**
 * The ranked phase through the board (spec §11.8): after the tally, three mixes, the trustees'
 * rounds, the rankings and the count of a ranked contest are posted over the API and accepted;
 * a mix before the tally, one that drops a ballot, one out of turn, of another input, with its
 * parts out of order or not signed by its mix server over this step, a share with a bad proof, of an unsigned checkpoint, a round ahead or a
 * repeat, rankings that are not the decryption and a result that is not their count are each
 * refused with their code, leaving the board unchanged, and the record verifies (V10, V11).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hexToBytes } from '@scrutineer/crypto';
import {
  combineRankedRound,
  mixBodies,
  mixOutputRows,
  rankedInputRows,
  rankedResultBody,
  rankedShareBodies,
  rankingsOfPrefixes,
  roundSize,
  submissionOf,
} from '@scrutineer/protocol';
import { countSeed } from '@scrutineer/ranked-count';
import { type MixBody, mixStatementOf, signMix } from '@scrutineer/record';
import {
  RANKED_TEST_CONTESTS,
  allEvents,
  api,
  castRankedTestElection,
  errorCode,
  failedChecksOf,
  forEachEngine,
  headHash,
  nth,
  suiteServer,
  verifyPublishedRecord,
} from '@scrutineer/testkit';

forEachEngine('the ranked phase through the board', (engine) => {
  const server = suiteServer(engine);

  it('accepts the honest phase and refuses each cheat by code, the board unchanged', async () => {
    const election = await castRankedTestElection(server());
    const { group, baseHash, electionKey } = election.setup;
    const base = `/api/elections/${election.electionId}`;
    const officer = { token: election.adminKey };
    const post = (path: string, body: unknown) =>
      api(server(), 'POST', `${base}${path}`, { ...officer, body });
    const refuses = async (path: string, body: unknown, code: string) => {
      const before = await headHash(server(), election.electionId);
      assert.equal(errorCode(await post(path, body)), code);
      assert.deepEqual(await headHash(server(), election.electionId), before);
    };
    assert.equal((await post('/close', undefined)).status, 201);
    const events = await allEvents(server(), election.electionId);
    const counted = events.flatMap((e) => (e.type === 'ballot-cast' ? [e.body.ballot] : []));
    const c = 0;
    const n = nth(RANKED_TEST_CONTESTS, c).candidates.length;
    let rows = rankedInputRows(group, election.manifest, counted, c);
    const signer = (mixer: number) => ({
      secretKey: nth(election.mixerSecretKeys, mixer - 1),
      manifestHash: election.manifestHash,
    });
    const signedBy = (mixer: number, parts: MixBody[]): MixBody[] => {
      const { secretKey, manifestHash } = signer(mixer);
      const signature = signMix(group, manifestHash, secretKey, mixStatementOf(parts));
      return parts.map((p) => ({ ...p, signature }));
    };
    const early = mixBodies(
      group,
      { baseHash, publicKey: electionKey, contest: c, mixer: 1, inputs: rows },
      signer(1)
    );
    await refuses('/ranked/mixes', { parts: early }, 'election/wrong-stage');
    assert.equal((await post('/tally', undefined)).status, 201);

    await refuses('/ranked/mixes', { parts: [] }, 'request/invalid-body');
    await refuses(
      '/ranked/mixes',
      { parts: early.map((p) => ({ ...p, contest: 2 })) },
      'ranked/not-ranked'
    );
    for (let mixer = 1; mixer <= 3; mixer++) {
      const parts = mixBodies(
        group,
        { baseHash, publicKey: electionKey, contest: c, mixer, inputs: rows },
        signer(mixer),
        2
      );
      if (mixer === 2) {
        // A mixer that drops a ballot (and signs its cheat): one output row fewer than its input.
        const dropped = signedBy(
          mixer,
          parts.map((p, i) => (i === 0 ? { ...p, outputs: p.outputs.slice(1) } : p))
        );
        await refuses('/ranked/mixes', { parts: dropped }, 'mix/invalid-proof');
        await refuses('/ranked/mixes', { parts: [...parts].reverse() }, 'ranked/invalid-parts');
        const skipped = mixBodies(
          group,
          { baseHash, publicKey: electionKey, contest: c, mixer: 3, inputs: rows },
          signer(3)
        );
        await refuses('/ranked/mixes', { parts: skipped }, 'ranked/out-of-order');
        // A mixer shuffling another input than its predecessor's output.
        const other = mixBodies(
          group,
          { baseHash, publicKey: electionKey, contest: c, mixer, inputs: rows.slice(1) },
          signer(mixer)
        );
        await refuses('/ranked/mixes', { parts: other }, 'mix/wrong-input');
        // V10.6: mix server 2's step signed by mix server 1, and its own signature on another step.
        const byOther = mixBodies(
          group,
          { baseHash, publicKey: electionKey, contest: c, mixer, inputs: rows },
          signer(1)
        );
        await refuses('/ranked/mixes', { parts: byOther }, 'mix/invalid-signature');
        const moved = parts.map((p) => ({ ...p, signature: nth(other, 0).signature }));
        await refuses('/ranked/mixes', { parts: moved }, 'mix/invalid-signature');
      }
      const accepted = await post('/ranked/mixes', { parts });
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      rows = mixOutputRows(group, parts);
    }

    const keyEvent = events.find((e) => e.type === 'election-key');
    assert.ok(keyEvent?.type === 'election-key');
    const verificationKeys = keyEvent.body.verificationKeys.map((v) =>
      group.decodePoint(hexToBytes(v))
    );
    let prefixes: readonly (readonly number[])[] = rows.map(() => []);
    for (let position = 0; position <= n; position++) {
      const round = { contest: c, rows, prefixes, position };
      if (roundSize(round) === 0) break;
      const sealed = await post('/checkpoints', undefined);
      assert.equal(sealed.status, 201);
      const signed = sealed.body as { size: number; root: string };
      const checkpoint = { size: signed.size, root: hexToBytes(signed.root) };
      const sharesOf = (trustee: number, secretOf = trustee) => {
        const secretShare = election.trusteeShares.get(secretOf);
        assert.ok(secretShare !== undefined);
        return rankedShareBodies(group, baseHash, { trustee, secretShare, checkpoint }, round, 2);
      };
      if (position === 0) {
        // Trustee 1's shares made with trustee 2's secret: their proofs fail for V₁.
        await refuses(
          '/ranked/decryption-shares',
          { parts: sharesOf(1, 2) },
          'ranked/invalid-share-proof'
        );
        const unsigned = sharesOf(1).map((p) => ({
          ...p,
          checkpoint: { size: p.checkpoint.size, root: '00'.repeat(32) },
        }));
        await refuses(
          '/ranked/decryption-shares',
          { parts: unsigned },
          'ranked/unknown-checkpoint'
        );
        const ahead = sharesOf(1).map((p) => ({ ...p, position: 1 }));
        await refuses('/ranked/decryption-shares', { parts: ahead }, 'ranked/out-of-order');
      }
      const submissions = [1, 2].map((trustee) => {
        const parts = sharesOf(trustee);
        return { parts, submission: submissionOf(group, 3, parts) };
      });
      for (const { parts } of submissions) {
        const accepted = await post('/ranked/decryption-shares', { parts });
        assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      }
      if (position === 0)
        await refuses(
          '/ranked/decryption-shares',
          { parts: nth(submissions, 0).parts },
          'ranked/duplicate-share'
        );
      const outcome = combineRankedRound(group, {
        baseHash,
        threshold: 2,
        verificationKeys,
        candidates: n,
        round,
        submissions: submissions.map((s) => s.submission),
      });
      assert.ok(outcome.ok);
      prefixes = outcome.prefixes;
    }
    const rankings = rankingsOfPrefixes(n, prefixes);
    assert.ok(rankings !== null);
    const body = { contest: c, candidates: n, rankings };
    const seed = countSeed(election.manifestHash, await closeRoot(), 'leader');
    await refuses(
      '/ranked/results',
      rankedResultBody(election.manifest, body, seed),
      'ranked/out-of-order'
    );
    const lie = { ...body, rankings: rankings.map((r, i) => (i === 0 ? [...r].reverse() : r)) };
    if (nth(rankings, 0).length < 2) lie.rankings[0] = [1, 2];
    await refuses('/ranked/rankings', lie, 'ranked/rankings-mismatch');
    assert.equal((await post('/ranked/rankings', body)).status, 201);
    const wrongSeed = rankedResultBody(election.manifest, body, '00'.repeat(32));
    await refuses('/ranked/results', wrongSeed, 'ranked/result-mismatch');
    const result = await post('/ranked/results', rankedResultBody(election.manifest, body, seed));
    assert.equal(result.status, 201, JSON.stringify(result.body));

    const report = await verifyPublishedRecord(server().database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    assert.ok(report.checks.some((check) => check.id === 'V10.2' && check.status === 'passed'));
    assert.ok(report.checks.some((check) => check.id === 'V11.2' && check.status === 'passed'));

    async function closeRoot(): Promise<string> {
      const all = await allEvents(server(), election.electionId);
      const close = all.find((e) => e.type === 'election-close');
      assert.ok(close !== undefined);
      const list = await api(server(), 'GET', `${base}/checkpoints?from=${close.position + 1}`);
      const first = (list.body as { checkpoints: { root: string }[] }).checkpoints[0];
      assert.ok(first !== undefined, JSON.stringify(list.body));
      return first.root;
    }
  });
});
