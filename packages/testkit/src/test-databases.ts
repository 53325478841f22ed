/**
 * @module Test helper: the same suite against both engines. `forEachEngine` registers a `describe`
 * per engine; inside, `freshDatabase()` gives a migrated database in a schema of its own (dropped
 * afterwards), so tests never see each other. PostgreSQL is at 127.0.0.1:5432 (trust auth,
 * database `test`), or wherever SCRUTINEER_TEST_DATABASE_URL points. PGlite is one in-memory
 * instance per test file (starting one costs ~2 s) with a schema per test; PGlite handles on a
 * shared instance must not be used at once, which node:test's sequential tests guarantee.
 */
import { after, describe } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import {
  type Database,
  type Engine,
  migrate,
  openPgliteDatabase,
  openPostgresDatabase,
} from '@scrutineer/server';

export const TEST_DATABASE_URL =
  process.env['SCRUTINEER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  readonly engine: Engine;
  /** A migrated database in a fresh schema; closed and dropped after the file's tests. */
  freshDatabase(): Promise<Database>;
  /** Another handle on the same schema (PostgreSQL only: a second server instance). */
  reopen?(database: Database): Promise<Database>;
  /** A `postgres://` URL that reaches this database's schema (for a server in another process). */
  urlOf?(database: Database): string;
}

let sharedPglite: Promise<PGlite> | undefined;
const schemasBySchemaHandle = new WeakMap<Database, string>();
const cleanups: (() => Promise<void>)[] = [];

/** Closes and drops everything the suite opened (registered by {@link forEachEngine}). */
export async function cleanUpTestDatabases(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  const pglite = sharedPglite;
  sharedPglite = undefined;
  if (pglite !== undefined) await (await pglite).close();
}

function schemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

const postgresEngineImpl: TestEngine = {
  engine: 'postgres',
  async freshDatabase() {
    const schema = schemaName();
    const database = await openPostgresDatabase({ connectionString: TEST_DATABASE_URL, schema });
    schemasBySchemaHandle.set(database, schema);
    cleanups.push(async () => {
      await database.close();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });
    await migrate(database);
    return database;
  },
  async reopen(database) {
    const schema = schemasBySchemaHandle.get(database);
    if (schema === undefined) throw new Error('not a test database');
    const second = await openPostgresDatabase({ connectionString: TEST_DATABASE_URL, schema });
    cleanups.push(() => second.close());
    return second;
  },
  urlOf(database) {
    const schema = schemasBySchemaHandle.get(database);
    if (schema === undefined) throw new Error('not a test database');
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  },
};

const pgliteEngine: TestEngine = {
  engine: 'pglite',
  async freshDatabase() {
    sharedPglite ??= PGlite.create();
    const database = await openPgliteDatabase({
      instance: await sharedPglite,
      schema: schemaName(),
    });
    await migrate(database);
    return database;
  },
};

export const TEST_ENGINES: readonly TestEngine[] = [postgresEngineImpl, pgliteEngine];

/** Registers `suite` once per engine, as `describe('<name> [postgres]')` and `[pglite]`. */
export function forEachEngine(name: string, suite: (engine: TestEngine) => void): void {
  for (const engine of TEST_ENGINES) {
    void describe(`${name} [${engine.engine}]`, () => {
      suite(engine);
      after(cleanUpTestDatabases);
    });
  }
}

/** The PostgreSQL engine (for tests only it can run: several instances, another process). */
export function postgresEngine(): TestEngine {
  return postgresEngineImpl;
}

export function reopen(engine: TestEngine, database: Database): Promise<Database> {
  if (engine.reopen === undefined) throw new Error(`${engine.engine} cannot be reopened`);
  return engine.reopen(database);
}

export function urlOf(engine: TestEngine, database: Database): string {
  if (engine.urlOf === undefined) throw new Error(`${engine.engine} has no URL`);
  return engine.urlOf(database);
}
