import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { bytesToHex, encodeScalar } from '@scrutineer/crypto';
import {
  castHonestBallot,
  receiptOf,
  sessionFor,
  nth,
  forEachEngine,
  createTestElection,
  startTestServer,
  testGroup,
} from '@scrutineer/testkit';
import { BoardSecrets, BoardSecretsError } from './board-secrets.ts';
import { ElectionCache } from './election-cache.ts';

forEachEngine('the board’s keys at rest', (engine) => {
  it('F22: with a sealing key, a copy of the database holds neither board key, and opens only under that key', async () => {
    const key = randomBytes(32);
    const database = await engine.freshDatabase();
    const server = await startTestServer(database, { boardSecretsKey: key });
    try {
      const election = await createTestElection(server.service, { voters: 1 });
      const voter = nth(election.voters, 0);
      // The sealed keys work: a sign-in (HMAC key) and a signed receipt (signing key).
      const token = await sessionFor(server, election, voter);
      receiptOf(await castHonestBallot(server, election, token, voter));

      const record = await server.service.elections.get(election.electionId);
      const [row] = await database.query<{ board_secret_key: string; hmac_key: Uint8Array }>(
        'SELECT board_secret_key, hmac_key FROM elections WHERE election_id = $1',
        [election.electionId]
      );
      assert.ok(row !== undefined);
      const signingHex = bytesToHex(encodeScalar(record.boardSecretKey));
      // Before: the signing key in hex and the 32-byte HMAC key, in clear in every backup.
      assert.match(row.board_secret_key, /^enc:v1:/);
      assert.ok(!row.board_secret_key.includes(signingHex));
      assert.ok(!Buffer.from(row.hmac_key).includes(Buffer.from(record.hmacKey)));

      const group = await testGroup();
      const without = new ElectionCache(database, group, new BoardSecrets());
      await assert.rejects(without.get(election.electionId), BoardSecretsError);
      const wrong = new ElectionCache(database, group, new BoardSecrets(randomBytes(32)));
      await assert.rejects(wrong.get(election.electionId), /does not open under this key/);
      const right = new ElectionCache(database, group, new BoardSecrets(key));
      assert.equal((await right.get(election.electionId)).boardSecretKey, record.boardSecretKey);
    } finally {
      await server.close();
    }
  });
});
