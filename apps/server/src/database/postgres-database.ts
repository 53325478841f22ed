/**
 * @module The PostgreSQL engine, through a `pg` pool. Production runs with PostgreSQL's durable
 * defaults (fsync, synchronous_commit on), so a commit that returned survives a crash
 * (docs/threat-model.md A25). An optional schema confines every connection to one `search_path` (tests give
 * each test its own schema; deployments may host several boards in one database).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { type Database, type Queryable, type Row, assertSchemaName } from './database.ts';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Every connection runs with `search_path` = this schema (created if missing). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

const statementNames = new Map<string, string>();

/**
 * Every parameterised statement runs as a named prepared statement, prepared once per connection
 * (`pg` remembers which): PostgreSQL then skips parsing and planning it again. At hundreds of casts
 * a second that is a large share of PostgreSQL's CPU (docs/benchmarks.md). The name is a digest of
 * the text, so the same text always gets the same name and two texts never share one. Statements
 * without parameters (migrations, several statements in one text) keep the simple protocol.
 * Plans stay custom (`plan_cache_mode`, set per connection below): a generic plan is fixed after
 * five runs, and one made while the board was empty scanned every ballot of the election for
 * each cast.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `s${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object = Row>(
      sql: string,
      parameters: readonly unknown[] = []
    ): Promise<R[]> {
      const result =
        parameters.length === 0
          ? await client.query(sql)
          : await client.query({
              name: statementName(sql),
              text: sql,
              values: parameters as unknown[],
            });
      return result.rows as R[];
    },
  };
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const settings = ['-c plan_cache_mode=force_custom_plan'];
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
    settings.push(`-c search_path=${options.schema}`);
  }
  config.options = settings.join(' ');
  const pool = new pg.Pool(config);
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node
  // would crash the server. The next query opens a fresh connection.
  pool.on('error', () => undefined);
  // A client checked out for a transaction has no pool listener: if PostgreSQL dies mid-
  // transaction its 'error' would crash the process (the restore drill found it). The query
  // rejects anyway, and the pool discards a client whose connection is gone.
  pool.on('connect', (client) => client.on('error', () => undefined));
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
