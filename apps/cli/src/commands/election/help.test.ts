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
    'postal receive': ['--credential', '--return-secret', '--slip', '--scanner-file', '--batch'],
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

/** What `--help` prints for `argv` (commander writes it to stdout and exits 0). */
async function helpText(argv: readonly string[]): Promise<string> {
  const { main } = await import('../../main.ts');
  let text = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  };
  try {
    assert.equal(await main(['node', 'scrutineer', ...argv, '--help']), 0);
  } finally {
    process.stdout.write = write;
  }
  return text;
}

test('serve --help and docs/operations.md name every setting the server reads from the environment', async () => {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(
    new URL('../../../../server/src/run-server.ts', import.meta.url),
    'utf8'
  );
  const named = new Set(source.match(/SCRUTINEER_[A-Z_]+/g) ?? []);
  for (const file of ['board-secrets.ts'])
    for (const name of readFileSync(
      new URL(`../../../../server/src/elections/${file}`, import.meta.url),
      'utf8'
    ).match(/SCRUTINEER_[A-Z_]+/g) ?? [])
      named.add(name);
  assert.ok(named.size >= 14, [...named].join(' '));
  const help = await helpText(['serve']);
  const operations = readFileSync(
    new URL('../../../../../docs/operations.md', import.meta.url),
    'utf8'
  );
  for (const name of named) {
    assert.ok(help.includes(name), `serve --help lacks ${name}`);
    assert.ok(operations.includes(name), `docs/operations.md lacks ${name}`);
  }
  for (const option of [
    '--database',
    '--port',
    '--host',
    '--trusted-proxy',
    '--proxy-hops',
    '--tls-cert',
    '--tls-key',
  ])
    assert.ok(operations.includes(option), `docs/operations.md lacks ${option}`);
  assert.match(help, /\/api\/ready/);
});

test('every election step says in --help where the officer’s key comes from, and how to make one', async () => {
  for (const step of ['create', 'open', 'close', 'tally', 'publish', 'keygen']) {
    const help = await helpText(['election', step]);
    assert.match(help, /SCRUTINEER_ADMIN_KEY/, step);
    assert.match(help, /election keygen --out FILE/, step);
  }
  assert.match(await helpText(['election', 'officer-key']), /--out <file>/);
});
