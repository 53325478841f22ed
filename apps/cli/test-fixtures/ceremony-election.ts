/**
 * @module Test helper: a 3-of-5 election on a real server (default rate limits) on a PostgreSQL
 * database of its own, created through the real `scrutineer` command, for the ceremony's
 * resilience tests (a crowded address, a killed trustee, the rehearsal and a cancellation).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { bytesToHex, decodeScalar, hexToBytes, loadGroup } from '@scrutineer/crypto';
import { hashBearerKey, startServer } from '@scrutineer/server';
import {
  electionCreate,
  manifestInstant,
  trusteeKeygen,
  writeCommittedRoll,
} from './command-election.ts';
import { testDraft } from './test-manifest.ts';
import { cliRunner } from './cli-process.ts';
import { ServerClient } from '../src/client/server-client.ts';
import { writeJsonFile } from '../src/commands/roll/roll-files.ts';
import { ceremonyStatePath } from '../src/commands/trustee/ceremony-state.ts';
import { readTrusteeKeyFile } from '../src/commands/trustee/trustee-key-file.ts';

export const OPERATOR_KEY = 'operator-key-for-the-ceremony-resilience-test';
export const ADMIN_KEY = 'admin-key-for-the-ceremony-resilience-test-made-long';
export const { ok, run } = cliRunner({ operatorKey: OPERATOR_KEY, adminKey: ADMIN_KEY });
export const cli = join(import.meta.dirname, '..', 'bin', 'scrutineer.mjs');
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const TRUSTEES = [1, 2, 3, 4, 5];

/** A PostgreSQL database of this test's own, dropped afterwards. */
async function withDatabase(run: (url: string) => Promise<void>): Promise<void> {
  const name = `ops_ceremony_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    await run(`postgres://postgres@127.0.0.1:5432/${name}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** `trustee keygen` for each trustee, the roll's commitment and `election create` (3-of-5). */
export async function createElection(dir: string, url: string, id: string): Promise<void> {
  for (const i of TRUSTEES) await ok(trusteeKeygen(id, i, join(dir, `trustee-${i}.json`)));
  writeCommittedRoll(dir, 12, id);
  const now = Date.now();
  writeJsonFile(join(dir, 'draft.json'), {
    ...testDraft({
      electionId: id,
      title: 'Ceremony resilience',
      candidates: ['Alex Morgan', 'Sam Patel'],
      window: {
        opens: manifestInstant(now + 86_400_000),
        closes: manifestInstant(now + 2 * 86_400_000),
      },
    }),
    trustees: { threshold: 3 },
    securityQuestions: [{ id: 'dob', label: 'Date of birth' }],
  });
  await ok(
    electionCreate(
      url,
      dir,
      TRUSTEES.map((i) => join(dir, `trustee-${i}.public.json`))
    )
  );
}

export function ceremony(url: string, dir: string, i: number): string[] {
  return ['trustee', 'ceremony', '--server', url, '--key', join(dir, `trustee-${i}.json`)];
}

/** Each trustee's secret share xₗ against its verification key Vₗ on the board: g^xₗ = Vₗ. */
export async function assertSharesMatchTheKey(url: string, dir: string, id: string): Promise<void> {
  const group = await loadGroup('sodium');
  const events = await new ServerClient(url).events(id);
  const key = events.find((e) => e.type === 'election-key');
  assert.ok(key?.type === 'election-key');
  assert.deepEqual(key.body.qualified, TRUSTEES);
  for (const i of TRUSTEES) {
    const file = readTrusteeKeyFile(join(dir, `trustee-${i}.json`));
    assert.ok(file.secretShare !== undefined, `trustee ${i} keeps its secret share`);
    const share = decodeScalar(hexToBytes(file.secretShare));
    assert.equal(
      bytesToHex(group.encodePoint(group.multiplyBase(share))),
      key.body.verificationKeys[i - 1],
      `trustee ${i}'s share is the one its verification key names`
    );
    assert.ok(!existsSync(ceremonyStatePath(join(dir, `trustee-${i}.json`))), 'state removed');
  }
}

export async function withServer(run: (url: string) => Promise<void>): Promise<void> {
  await withDatabase(async (database) => {
    // No requestsPerMinute or signInPerMinute: the defaults a fresh deployment has.
    const server = await startServer({
      database,
      port: 0,
      host: '127.0.0.1',
      logger: false,
      operatorKeyHash: hashBearerKey(OPERATOR_KEY),
      checkpoints: { intervalMs: 0 },
    });
    try {
      await run(server.url);
    } finally {
      await server.close();
    }
  });
}
