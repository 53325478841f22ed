/**
 * `scrutineer postal receive --scanner-file` (spec §9.5.3) against a real server on loopback: a
 * scanning station's file is refused whole if a row is malformed; uploaded, each envelope is
 * received once; uploaded again (a station that lost its answers), nothing changes; a paper for a
 * credential that voted online is refused and the refusal is in the record.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { encodeReturnSlip } from '@scrutineer/protocol';
import { type RunningServer, startServer } from '@scrutineer/server';
import {
  type TestElection,
  castHonestBallot,
  createTestElection,
  sessionFor,
} from '@scrutineer/testkit';
import { ServerClient } from '../../client/server-client.ts';
import { parseScannerFile, receiveScannerFile } from './scanner-file.ts';

let server: RunningServer;
let election: TestElection;
const directory = mkdtempSync(join(tmpdir(), 'scrutineer-scanner-file-'));

before(async () => {
  server = await startServer({
    database: join(directory, 'database'),
    port: 0,
    logger: false,
    checkpoints: { intervalMs: 0 },
  });
  election = await createTestElection(server.service, { voters: 5 });
});

after(() => server.close());

function slipOf(i: number): string {
  const voter = election.voters[i];
  assert.ok(voter !== undefined);
  return encodeReturnSlip({
    credential: voter.credential,
    returnSecret: voter.postalReturn.secret,
  });
}

test('a scanner file with a malformed row is refused whole, naming the row', () => {
  const text = `barcode,scanned_at,batch\n${slipOf(0)},2026-12-05T10:00:00Z,tray-1\nRETURN1:ABCDE-FGH12:00,2026-12-05T10:00:01Z,tray-1\n${slipOf(1)},2026-12-05T10:00:02Z,tray 1\n`;
  assert.throws(
    () => parseScannerFile(text, 'scan.csv'),
    /scan\.csv: 2 malformed row\(s\), nothing was uploaded:\n {2}row 3: a return slip reads RETURN2.*\n {2}row 4: "tray 1" is not a batch id/
  );
  assert.throws(() => parseScannerFile('code,time\n'), /barcode,scanned_at,batch/);
});

test('uploaded twice, a scanner file changes the board once; an online voter’s paper is refused in the record', async () => {
  const client = new ServerClient(server.url);
  const online = election.voters[4];
  assert.ok(online !== undefined);
  const token = await sessionFor(server, election, online);
  assert.equal((await castHonestBallot(server, election, token, online)).status, 201);
  const path = join(directory, 'scan.csv');
  const rows = [0, 1, 2, 3, 4].map(
    (i) => `${slipOf(i)},2026-12-05T10:00:0${i}Z,tray-${i < 2 ? 1 : 2}`
  );
  writeFileSync(path, `barcode,scanned_at,batch\n${rows.join('\n')}\n`);
  const first = await receiveScannerFile(client, election.electionId, election.adminKey, path);
  assert.deepEqual(
    { received: first.received, already: first.alreadyReceived, refused: first.refused },
    { received: 4, already: 0, refused: [{ row: 6, code: 'postal/credential-used-online' }] }
  );
  const size = (await client.summary(election.electionId)).size;
  const again = await receiveScannerFile(client, election.electionId, election.adminKey, path);
  assert.deepEqual(
    { received: again.received, already: again.alreadyReceived, refused: again.refused },
    { received: 0, already: 4, refused: [{ row: 6, code: 'postal/credential-used-online' }] }
  );
  assert.equal((await client.summary(election.electionId)).size, size, 'the retry changed nothing');
  const events = (await client.events(election.electionId)).map((e) => e.type);
  assert.equal(events.filter((t) => t === 'postal-received').length, 4);
  assert.equal(events.filter((t) => t === 'cast-refused').length, 1);
});
