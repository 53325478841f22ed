/**
 * @module The data layer's one seam: a small `Database` interface that both engines implement —
 * PostgreSQL through `pg` (production, several server instances) and PGlite (real Postgres in
 * process, the embedded default). Every query is plain PostgreSQL with `$n` parameters, so the
 * same schema, migrations and statements run on both.
 */

/** A row as the engines return it. Numbers from `bigint` columns are read with {@link toNumber}. */
export type Row = Record<string, unknown>;

/** Something that runs a parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  query<R extends object = Row>(sql: string, parameters?: readonly unknown[]): Promise<R[]>;
}

export type Engine = 'postgres' | 'pglite';

export interface Database extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `work` in one transaction (READ COMMITTED, the engines' default): committed if it
   * returns, rolled back if it throws. The promise resolves only after the commit is durable
   * (PostgreSQL's synchronous_commit; for PGlite, after the WAL is flushed to disk).
   */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `bigint` columns arrive as strings (pg) or bigints (PGlite); every count we store is safe. */
export function toNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new TypeError(`not a safe integer: ${String(value)}`);
  return number;
}

/** `bytea` columns arrive as Buffer (pg) or Uint8Array (PGlite): both are Uint8Array. */
export function toBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('expected a bytea value');
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** PostgreSQL's SQLSTATE for a unique violation, for the rare place that must catch one. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}

/** A schema name we create ourselves: lower-case letters, digits and underscores only. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new RangeError(`invalid schema name: ${schema}`);
}
