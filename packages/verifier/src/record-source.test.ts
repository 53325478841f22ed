/**
 * Spec §10.1.4, lines of a JSON Lines file however it arrives: the chunked splitter gives exactly
 * what splitting the whole text at line feeds gives (carriage returns kept, a last line without a
 * line feed kept, empty lines kept), for any cut into chunks; and the directory reader gives the
 * same for a file whose lines are far longer than one read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { recordDirectory } from './node/record-directory.ts';
import { LineSplitter } from './record-source.ts';

/** What the lines of `text` are: the pieces between line feeds, the empty piece after a final one dropped. */
const expected = (text: string): string[] => {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
};

test("the splitter gives the whole text's lines for every cut into up to three chunks", () => {
  const texts = [
    '',
    '\n',
    'a',
    'a\n',
    '\n\n',
    'ab\r\ncd',
    '{"a":"é"}\n\n{"b":1}\r\n{"c"',
    'x\ny\nz\n',
  ];
  for (const text of texts)
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++) {
        const splitter = new LineSplitter();
        const lines = [text.slice(0, i), text.slice(i, j), text.slice(j)].flatMap((chunk) =>
          splitter.push(chunk)
        );
        const last = splitter.end();
        if (last !== null) lines.push(last);
        assert.deepEqual(lines, expected(text), `${JSON.stringify(text)} cut at ${i}, ${j}`);
        assert.equal(last === null, text === '' || text.endsWith('\n'));
      }
});

test('a board file with lines of megabytes reads back line for line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-source-'));
  try {
    const long = `{"hex":"${'ab'.repeat(1_500_000)}"}`;
    const lines = ['{"a":1}', long, '', `${long}\r`, '{"z":2}'];
    writeFileSync(join(dir, 'board.jsonl'), `${lines.join('\n')}\n`);
    const read: string[] = [];
    for await (const line of recordDirectory(dir).boardLines()) read.push(line);
    assert.deepEqual(read, lines);
    writeFileSync(join(dir, 'board.jsonl'), `${lines.join('\n')}`);
    const unterminated: string[] = [];
    for await (const line of recordDirectory(dir).boardLines()) unterminated.push(line);
    assert.deepEqual(unterminated, lines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
