import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressBar } from './progress.ts';

/** Runs `body` with stderr's isTTY set to `tty`, returning what was written to stderr. */
function captured(tty: boolean, body: () => void): string {
  const stderr = process.stderr;
  const names = ['isTTY', 'write', 'cursorTo', 'moveCursor', 'clearLine'] as const;
  const saved = names.map((name) => [name, Reflect.get(stderr, name)] as const);
  let text = '';
  Reflect.set(stderr, 'isTTY', tty);
  Reflect.set(stderr, 'write', (chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  // A pipe under the test runner has no cursor; a terminal does.
  for (const name of ['cursorTo', 'moveCursor', 'clearLine'] as const)
    if (Reflect.get(stderr, name) === undefined) Reflect.set(stderr, name, () => true);
  try {
    body();
  } finally {
    for (const [name, value] of saved) Reflect.set(stderr, name, value);
  }
  return text;
}

test('a progress bar draws on a terminal only: never into a pipe, a log or CI output', () => {
  const drawn = captured(true, () => {
    const bar = progressBar('decryption shares', 3);
    bar.update(2);
    bar.stop();
  });
  assert.match(drawn, /decryption shares \[.*\] 2\/3/);
  const piped = captured(false, () => {
    const bar = progressBar('decryption shares', 3);
    bar.update(2);
    bar.stop();
  });
  assert.equal(piped, '');
});
