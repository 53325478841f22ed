/**
 * @module A database of its own for a load or chaos run: created on the machine's
 * PostgreSQL (loopback only) and dropped afterwards, so a soak that restarts the server or fills
 * a disk never touches the shared `test` database other suites use.
 */
import pg from 'pg';
import { assertSchemaName } from '@scrutineer/server';
import { TEST_DATABASE_URL } from '@scrutineer/testkit';

export interface LoadDatabase {
  /** `postgres://…/<name>`. */
  readonly url: string;
  readonly name: string;
  /** Drops the database (terminating any connection left behind by a killed server). */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`load and chaos runs target loopback only, not ${host}`);
}

/** Creates database `name` (dropping a leftover of an earlier run), optionally in a tablespace. */
export async function createLoadDatabase(
  name: string,
  options: { readonly tablespace?: string } = {}
): Promise<LoadDatabase> {
  assertSchemaName(name);
  assertLoopback(TEST_DATABASE_URL);
  const drop = (): Promise<void> =>
    admin(async (client) => {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name]
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  await drop();
  await admin((client) =>
    client.query(
      `CREATE DATABASE ${name}${options.tablespace === undefined ? '' : ` TABLESPACE ${options.tablespace}`}`
    )
  );
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop };
}
