import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '@scrutineer/testkit';
import { listMigrations, migrate, splitStatements } from './migrate.ts';

forEachEngine('migrations', (engine) => {
  it('applies every migration once and records it', async () => {
    const database = await engine.freshDatabase();
    const versions = (
      await database.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version'
      )
    ).map((r) => r.version);
    assert.deepEqual(
      versions,
      listMigrations().map((m) => m.version)
    );
    assert.deepEqual(await migrate(database), [], 'a second run applies nothing');
    const tables = await database.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name'
    );
    for (const table of [
      'board_heads',
      'events',
      'merkle_nodes',
      'credential_uses',
      'ballots',
      'audit_log',
    ]) {
      assert.ok(
        tables.some((t) => t.table_name === table),
        table
      );
    }
  });

  it('rolls back a failed transaction and commits a good one', async () => {
    const database = await engine.freshDatabase();
    await database.query('CREATE TABLE probe (id integer PRIMARY KEY)');
    await assert.rejects(
      database.transaction(async (tx) => {
        await tx.query('INSERT INTO probe VALUES (1)');
        throw new Error('boom');
      }),
      /boom/
    );
    await database.transaction((tx) => tx.query('INSERT INTO probe VALUES (2)'));
    assert.deepEqual(
      (await database.query<{ id: number }>('SELECT id FROM probe')).map((r) => r.id),
      [2]
    );
  });
});

it('splits statements and drops comments', () => {
  assert.deepEqual(
    splitStatements('-- a; comment\nCREATE TABLE a (x int); -- b\nCREATE INDEX i ON a (x);\n'),
    ['CREATE TABLE a (x int)', 'CREATE INDEX i ON a (x)']
  );
});
