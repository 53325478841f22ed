/**
 * @module Versioned SQL migrations, applied at start-up. Each file `NNNN-name.sql` in
 * `migrations/` runs once, in a transaction, and is recorded in `schema_migrations`. An advisory
 * lock makes concurrent start-ups of several instances apply each migration exactly once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** An arbitrary constant shared by every instance: pg_advisory_xact_lock's key. */
const MIGRATION_LOCK = 7_310_402_118;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }));
}

/** Applies every migration not yet applied; returns the versions it applied. */
export async function migrate(database: Database): Promise<number[]> {
  await database.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())'
  );
  const applied: number[] = [];
  for (const migration of listMigrations()) {
    const done = await database.transaction(async (transaction) => {
      await transaction.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await transaction.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      // Statements one by one: pg's extended protocol (parameters) takes one statement at a time.
      for (const statement of splitStatements(migration.sql)) await transaction.query(statement);
      await transaction.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** Splits a migration on `;` at line ends, dropping `--` comments (our files hold no other `;`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
