/**
 * @module The PostgreSQL engine, through a `pg` pool. Production runs with PostgreSQL's durable
 * defaults (fsync, synchronous_commit on), so a commit that returned survives a crash (threats
 * guide §1.6). An optional schema confines every connection to one `search_path` (tests give
 * each test its own schema; deployments may host several boards in one database).
 */
import pg from 'pg';
import { type Database, type Queryable, type Row, assertSchemaName } from './database.ts';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Every connection runs with `search_path` = this schema (created if missing). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object = Row>(
      sql: string,
      parameters: readonly unknown[] = []
    ): Promise<R[]> {
      const result = await client.query(sql, parameters as unknown[]);
      return result.rows as R[];
    },
  };
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const config: pg.PoolConfig = {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  };
  if (options.schema !== undefined) {
    assertSchemaName(options.schema);
    const setup = new pg.Client({ connectionString: options.connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    } finally {
      await setup.end();
    }
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new pg.Pool(config);
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node
  // would crash the server. The next query opens a fresh connection.
  pool.on('error', () => undefined);
  const direct = queryable(pool);
  return {
    engine: 'postgres',
    query: (sql, parameters) => direct.query(sql, parameters),
    async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
