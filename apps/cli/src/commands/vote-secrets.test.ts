import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseVoteSecrets } from './vote-secrets.ts';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'scrutineer.mjs');

function scrutineer(
  args: readonly string[],
  stdin?: string
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], (error, _stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 99;
      resolve({ code, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

const CODE = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

test('F21: scrutineer vote refuses a code and answers on the command line, and reads them from stdin', async () => {
  // Nothing listens on port 9: a vote that got past its arguments fails to connect (exit 1).
  const server = ['--server', 'http://127.0.0.1:9', '--election', 'e-1', '--choice', '1'];
  const argv = await scrutineer(['vote', ...server, '--code', CODE, '--answers', 'dob=1970-01-01']);
  assert.equal(argv.code, 2);
  assert.match(argv.stderr, /not taken on the command line/);
  assert.ok(!argv.stderr.includes(CODE), 'the refusal does not echo the code');
  const piped = await scrutineer(
    ['vote', ...server, '--code-file', '-'],
    `${CODE}\ndob=1970-01-01,postcode=SW1A 1AA\n`
  );
  // Read from stdin and checked as a code (this one has letters no code uses): past the arguments.
  assert.match(piped.stderr, /credential\/invalid-character/);
  const none = await scrutineer(['vote', ...server]);
  assert.equal(none.code, 2, 'no terminal and no --code-file');
  assert.match(none.stderr, /--code-file is required/);
});

test('F21: the code file holds the code, then the answers, and nothing else', () => {
  assert.deepEqual(parseVoteSecrets(`\n${CODE}\r\n dob=1970-01-01 \n`), {
    code: CODE,
    answers: 'dob=1970-01-01',
  });
  assert.equal(typeof parseVoteSecrets(CODE), 'string');
  assert.equal(typeof parseVoteSecrets(`${CODE}\na=1\nb=2`), 'string');
});

test('F21: the demo prints no voting code or answers', () => {
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'demo', 'demo.ts'), 'utf8');
  assert.doesNotMatch(source, /row\.code|row\.answers|--code '/);
});
