/**
 * @module Opens the store named on the command line: a `postgres://` URL for PostgreSQL, anything
 * else a directory for the embedded engine (one process at a time: directory-lock.ts). Migrations
 * run before the handle is returned.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { lockDirectory } from './directory-lock.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** Where `scrutineer serve` keeps its board when no --database is given. */
export const DEFAULT_DATA_DIR = './scrutineer-data';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

export async function openDatabase(location: string = DEFAULT_DATA_DIR): Promise<Database> {
  let database: Database;
  if (isPostgresUrl(location)) {
    database = await openPostgresDatabase({ connectionString: location });
  } else {
    const dataDir = resolve(location);
    mkdirSync(dataDir, { recursive: true });
    const release = lockDirectory(dataDir);
    try {
      const embedded = await openPgliteDatabase({ dataDir });
      database = { ...embedded, close: () => embedded.close().finally(release) };
    } catch (error) {
      release();
      throw error;
    }
  }
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
