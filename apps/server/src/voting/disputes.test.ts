/**
 * Receipt disputes through the real HTTP API (spec §9.5.5): a voter's receipt is filed and
 * appended as a public `receipt-dispute`, which the published record answers (V5.11 passes); a
 * receipt the board never signed, or one already disputed, is refused and changes nothing.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  api,
  castHonestBallot,
  errorCode,
  eventAt,
  headHash,
  receiptOf,
  sessionFor,
  failedChecksOf,
  verifyPublishedRecord,
  suiteServer,
  forEachEngine,
  type TestElection,
  createTestElection,
} from '@scrutineer/testkit';

forEachEngine('receipt disputes', (engine) => {
  const server = suiteServer(engine);
  let election: TestElection;
  before(async () => {
    election = await createTestElection(server().service, { voters: 1 });
  });

  it('files a voter’s receipt as a public receipt-dispute that the record answers (V5.11)', async () => {
    const voter = election.voters[0];
    assert.ok(voter);
    const token = await sessionFor(server(), election, voter);
    const receipt = receiptOf(await castHonestBallot(server(), election, token, voter));
    const path = `/api/elections/${election.electionId}/disputes`;
    const filed = await api(server(), 'POST', path, { body: { receipt } });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const { position } = filed.body as { position: number };
    const { event } = await eventAt(server(), election.electionId, position);
    assert.equal(event.type, 'receipt-dispute');
    assert.deepEqual(event.type === 'receipt-dispute' && event.body.receipt, receipt);

    const before = await headHash(server(), election.electionId);
    const refusals: [unknown, string][] = [
      [{ receipt }, 'dispute/duplicate'],
      [{ receipt: { ...receipt, position: receipt.position + 1 } }, 'dispute/bad-receipt'],
      [{ receipt: { ...receipt, election: 'another-election' } }, 'dispute/bad-receipt'],
      [{ receipt: { ...receipt, extra: 1 } }, 'request/unknown-field'],
    ];
    for (const [body, code] of refusals)
      assert.equal(errorCode(await api(server(), 'POST', path, { body })), code);
    assert.deepEqual(await headHash(server(), election.electionId), before);

    const report = await verifyPublishedRecord(server().service.database, election.electionId);
    assert.deepEqual(failedChecksOf(report), []);
    assert.equal(report.checks.find((c) => c.id === 'V5.11')?.status, 'passed');
  });
});
