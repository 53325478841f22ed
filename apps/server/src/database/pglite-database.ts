/**
 * @module The embedded engine: PGlite, real PostgreSQL compiled to WebAssembly, running in this
 * process. With a data directory it is the default store of `scrutineer serve`; in memory it backs
 * tests. PGlite has one connection, so transactions run one at a time, which is exactly the
 * serialisation the board needs anyway.
 *
 * Durability: PGlite writes its files synchronously through Emscripten's NODEFS, so a commit
 * survives the death of this process (SIGKILL), but NODEFS has no fsync: PostgreSQL's WAL flush
 * reaches the OS page cache, not the disk. To give the same promise as PostgreSQL's defaults
 * (a commit that returned survives a power loss), every write is followed here by an fsync of
 * the WAL segments written since the last one, before the caller sees the commit.
 */
import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, type Queryable, type Row, assertSchemaName } from './database.ts';

export interface PgliteOptions {
  /** A data directory (durable); omit for an in-memory database (tests only). */
  readonly dataDir?: string;
  /** An existing instance to share (tests: one instance per file, one schema per test). */
  readonly instance?: PGlite;
  /** Confine this handle to one schema. Handles sharing an instance must not be used at once. */
  readonly schema?: string;
}

/** fsyncs the WAL segments modified since the last call, then the WAL directory itself. */
function walSyncer(dataDir: string): () => void {
  const walDir = join(dataDir, 'pg_wal');
  let lastSync = 0;
  return () => {
    const started = Date.now();
    for (const name of readdirSync(walDir)) {
      if (!/^[0-9A-F]{24}$/.test(name)) continue;
      const path = join(walDir, name);
      // Millisecond mtimes can tie with the last sync; a second fsync of a file is cheap.
      if (statSync(path).mtimeMs + 1 < lastSync) continue;
      const fd = openSync(path, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    const directory = openSync(walDir, 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
    lastSync = started;
  };
}

const READ_ONLY = /^\s*(select|with\s[^;]*\bselect\b(?![^;]*\b(insert|update|delete)\b))/i;

export async function openPgliteDatabase(options: PgliteOptions = {}): Promise<Database> {
  const instance =
    options.instance ??
    (options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir));
  await instance.waitReady;
  const syncWal =
    options.dataDir === undefined || options.instance !== undefined
      ? () => undefined
      : walSyncer(options.dataDir);
  if (options.schema !== undefined) {
    assertSchemaName(options.schema);
    await instance.exec(
      `CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema}`
    );
  }
  const run = async <R extends object>(
    target: Pick<PGlite, 'query'>,
    sql: string,
    parameters: readonly unknown[]
  ): Promise<R[]> => {
    const result = await target.query<R>(sql, parameters as unknown[]);
    return result.rows;
  };
  return {
    engine: 'pglite',
    async query<R extends object = Row>(
      sql: string,
      parameters: readonly unknown[] = []
    ): Promise<R[]> {
      const rows = await run<R>(instance, sql, parameters);
      if (!READ_ONLY.test(sql)) syncWal();
      return rows;
    },
    async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
      const result = await instance.transaction(async (transaction) =>
        work({
          query: <R extends object = Row>(sql: string, parameters: readonly unknown[] = []) =>
            run<R>(transaction, sql, parameters),
        })
      );
      syncWal();
      return result;
    },
    async close(): Promise<void> {
      // A shared instance belongs to whoever created it.
      if (options.instance === undefined) await instance.close();
    },
  };
}
