import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressBar } from './progress.ts';

/** Runs `body` with stderr's isTTY set to `tty`, returning what was written to stderr. */
function captured(tty: boolean, body: () => void): string {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const wasTty = stderr.isTTY;
  const write = stderr.write.bind(stderr);
  const moveCursor = stderr.moveCursor;
  const cursorTo = stderr.cursorTo;
  const clearLine = stderr.clearLine;
  let text = '';
  stderr.isTTY = tty;
  stderr.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof stderr.write;
  // A pipe under the test runner has no cursor; a terminal does.
  stderr.cursorTo ??= (() => true) as typeof stderr.cursorTo;
  stderr.moveCursor ??= (() => true) as typeof stderr.moveCursor;
  stderr.clearLine ??= (() => true) as typeof stderr.clearLine;
  try {
    body();
  } finally {
    stderr.isTTY = wasTty;
    stderr.write = write;
    stderr.cursorTo = cursorTo;
    stderr.moveCursor = moveCursor;
    stderr.clearLine = clearLine;
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
