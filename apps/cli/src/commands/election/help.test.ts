import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProgram } from '../../main.ts';

test('every officer, registrar, trustee, postal and vote command has --help naming its options', () => {
  const program = buildProgram();
  const expectations: Record<string, readonly string[]> = {
    'election create': ['--draft', '--trustee', '--out'],
    'election nominations': ['--file', '--admin-key-file'],
    'election key': ['--complaint-wait'],
    'election open': ['--answers'],
    'election replace': ['--request', '--admin-key-file'],
    'packs generate': ['--approval-key', '--election-key'],
    'packs approval-key': ['--election', '--out', '--limit', '--stops-before-close'],
    'packs replace': ['--member-id', '--reason', '--approval-key', '--contact', '--pack-id'],
    'election close': ['--admin-key-file'],
    'election tally': ['--server'],
    'election publish': ['--out', '--nominations'],
    'trustee keygen': ['--election', '--index'],
    'trustee ceremony': ['--key'],
    'trustee decrypt': ['--key'],
    'postal receive': ['--pack-id'],
    'postal batch': ['--first', '--second', '--batch'],
    vote: ['--code-file', '--choice', '--audit'],
  };
  for (const [path, options] of Object.entries(expectations)) {
    let command = program;
    for (const name of path.split(' ')) {
      const next = command.commands.find((c) => c.name() === name);
      assert.ok(next !== undefined, `no command ${path}`);
      command = next;
    }
    const help = command.helpInformation();
    for (const option of options)
      assert.ok(help.includes(option), `${path} --help lacks ${option}`);
  }
});

test('a usage error in any sub-command exits 2, never 1 (1 means a refusal or a failed check)', async (t) => {
  const { main } = await import('../../main.ts');
  // commander prints each usage error; that is not this test's output
  const quiet = t.mock.method(process.stderr, 'write', () => true);
  try {
    for (const argv of [['verify'], ['roll', 'audit', '--no-such-option'], ['election', 'tally']])
      assert.equal(await main(['node', 'scrutineer', ...argv]), 2, argv.join(' '));
  } finally {
    quiet.mock.restore();
  }
});
