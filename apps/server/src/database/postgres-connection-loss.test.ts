import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { openPostgresDatabase } from './postgres-database.ts';
import { TEST_DATABASE_URL } from '@scrutineer/testkit';

const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
after(() => admin.end());

test('PostgreSQL going away mid-transaction fails that transaction, and the server process lives on', async () => {
  await admin.connect();
  const database = await openPostgresDatabase({ connectionString: TEST_DATABASE_URL });
  try {
    const failed = database.transaction(async (transaction) => {
      const [row] = await transaction.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // As when the cluster is killed: the backend serving this transaction is terminated.
      await admin.query('SELECT pg_terminate_backend($1)', [row?.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await transaction.query('SELECT 1');
    });
    await assert.rejects(failed);
    // The pool opens a fresh connection for the next query.
    const [again] = await database.query<{ one: number }>('SELECT 1 AS one');
    assert.equal(again?.one, 1);
  } finally {
    await database.close();
  }
});
