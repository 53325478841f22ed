/**
 * @module Benchmark of postal intake at party scale (spec §9.5.3): N returned envelopes of an
 * election on PostgreSQL, written as a scanning station's file (`barcode,scanned_at,batch`, trays
 * of 500) and uploaded through the board's HTTP API by the CLI's own client
 * (`scrutineer postal receive --scanner-file`), then uploaded again as a station that lost its
 * answers would: the second pass must receive nothing and leave the board unchanged. Credential
 * keys are random points with one shared answers hash (sign-in is not measured). Usage:
 * `npx tsx tools/bench/src/postal-intake.ts [postgres://…] [N] [upload size]`
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { bytesToHex, randomScalar } from '@scrutineer/crypto';
import { encodeReturnSlip } from '@scrutineer/protocol';
import { postalReturnCommitment } from '@scrutineer/record';
import { hashSecurityAnswers } from '@scrutineer/protocol';
import {
  loadCredentials,
  migrate,
  openElection,
  openPostgresDatabase,
  readHead,
} from '@scrutineer/server';
import { TEST_ARGON2, createTestElection, startTestServer } from '@scrutineer/testkit';
import { ServerClient, parseScannerFile, uploadEnvelopes } from '@scrutineer/cli';
import { readFileSync } from 'node:fs';

const [url = 'postgres://postgres@127.0.0.1:5432/test', countText = '150000', chunkText = '1000'] =
  process.argv.slice(2);
const count = Number(countText);
const chunk = Number(chunkText);
const TRAY = 500;
const schema = `postal_bench_${randomBytes(6).toString('hex')}`;
const log = (line: string) => process.stdout.write(`${line}\n`);

const database = await openPostgresDatabase({ connectionString: url, schema, maxConnections: 10 });
const directory = mkdtempSync(join(tmpdir(), 'scrutineer-postal-bench-'));
try {
  await migrate(database);
  const server = await startTestServer(database, {
    checkpoints: { intervalMs: 0, everyEvents: 10_000 },
  });
  try {
    const election = await createTestElection(server.service, {
      voters: count,
      open: false,
      makeVoters: false,
    });
    const group = server.service.group;
    const answersHash = await hashSecurityAnswers(
      ['dob', 'postcode'],
      { dob: '2000-01-01', postcode: 'LS1 4AP' },
      TEST_ARGON2
    );
    const lines = ['barcode,scanned_at,batch'];
    const setupStart = performance.now();
    for (let from = 0; from < count; from += 5000) {
      const entries = [];
      for (let i = from; i < Math.min(count, from + 5000); i++) {
        const key = bytesToHex(group.encodePoint(group.multiplyBase(randomScalar())));
        const secret = randomBytes(16).toString('hex');
        entries.push({ key, answersHash, returnCommitment: postalReturnCommitment(key, secret) });
        const tray = `tray-${String(Math.floor(i / TRAY) + 1).padStart(4, '0')}`;
        lines.push(
          `${encodeReturnSlip({ credential: key, returnSecret: secret })},2026-12-05T10:00:00Z,${tray}`
        );
      }
      await loadCredentials(server.service, election.electionId, entries);
    }
    await openElection(server.service, election.electionId);
    const path = join(directory, 'scanner.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    log(
      `setup: ${count} credentials loaded and a ${count}-row scanner file written in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`
    );

    const client = new ServerClient(server.url);
    const parseStart = performance.now();
    const envelopes = parseScannerFile(readFileSync(path, 'utf8'), path);
    const parseSeconds = (performance.now() - parseStart) / 1000;
    const load = loadavg()[0]?.toFixed(1);
    const start = performance.now();
    const first = await uploadEnvelopes(client, election.electionId, election.adminKey, envelopes, {
      chunk,
    });
    const seconds = (performance.now() - start) / 1000;
    const head = await readHead(database, election.electionId);
    const retryStart = performance.now();
    const again = await uploadEnvelopes(client, election.electionId, election.adminKey, envelopes, {
      chunk,
    });
    const retrySeconds = (performance.now() - retryStart) / 1000;
    const after = await readHead(database, election.electionId);
    if (first.received !== count || first.refused.length > 0)
      throw new Error(`first pass: ${JSON.stringify({ ...first, refused: first.refused.length })}`);
    if (again.received !== 0 || again.alreadyReceived !== count || after.headHash !== head.headHash)
      throw new Error('the retried upload changed the board');
    log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
          loadAverageAtStart: load,
          envelopes: count,
          uploadSize: chunk,
          parseSeconds: Number(parseSeconds.toFixed(2)),
          uploadSeconds: Number(seconds.toFixed(1)),
          envelopesPerSecond: Math.round(count / seconds),
          retrySeconds: Number(retrySeconds.toFixed(1)),
          retryEnvelopesPerSecond: Math.round(count / retrySeconds),
          retryReceived: again.received,
          boardSize: after.size,
        },
        null,
        2
      )
    );
  } finally {
    await server.close();
  }
} finally {
  await database.close();
  rmSync(directory, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
