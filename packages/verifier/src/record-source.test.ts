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
import fc from 'fast-check';
import { recordDirectory } from './node/record-directory.ts';
import { LineSplitter } from './record-source.ts';

/** What the lines of `text` are: the pieces between line feeds, the empty piece after a final one dropped. */
const expected = (text: string): string[] => {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
};

test("the splitter gives the whole text's lines for any cut into chunks", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', '{', '"', '\n', '\r', 'é', ' '), { maxLength: 60 }),
      fc.array(fc.nat(60), { maxLength: 8 }),
      (chars, cuts) => {
        const text = chars.join('');
        const at = [
          0,
          ...[...new Set(cuts)].filter((c) => c < text.length).sort((a, b) => a - b),
          text.length,
        ];
        const splitter = new LineSplitter();
        const lines: string[] = [];
        for (let i = 0; i + 1 < at.length; i++)
          lines.push(...splitter.push(text.slice(at[i], at[i + 1])));
        const last = splitter.end();
        if (last !== null) lines.push(last);
        assert.deepEqual(lines, expected(text));
        assert.equal(last === null, text === '' || text.endsWith('\n'));
      }
    )
  );
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
