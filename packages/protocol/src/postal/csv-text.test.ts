import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsvText } from './csv-text.ts';

test('reads header and rows with the line each starts on; skips empty lines; drops a BOM', () => {
  const table = parseCsvText('\uFEFF paper , choice\r\n1,Alex Morgan\n\n3,"Patel, Sam"\n');
  assert.deepEqual(table.header, ['paper', 'choice']);
  assert.deepEqual(table.rows, [
    { row: 2, cells: ['1', 'Alex Morgan'] },
    { row: 4, cells: ['3', 'Patel, Sam'] },
  ]);
});

test('a quoted field keeps commas, doubled quotes and line breaks; the next row names its own line', () => {
  const table = parseCsvText('a,b\n"x ""y""","two\nlines"\n5,6');
  assert.deepEqual(table.rows, [
    { row: 2, cells: ['x "y"', 'two\nlines'] },
    { row: 4, cells: ['5', '6'] },
  ]);
});

test('rows may have fewer or more cells than the header; empty text is an empty table', () => {
  assert.deepEqual(parseCsvText('a,b\n1\n1,2,3\n').rows, [
    { row: 2, cells: ['1'] },
    { row: 3, cells: ['1', '2', '3'] },
  ]);
  assert.deepEqual(parseCsvText(''), { header: [], rows: [] });
});

test('text that is not CSV is refused naming the line', () => {
  assert.throws(() => parseCsvText('a,b\n"open,2\n'), /line 2: a quoted field is not closed/);
  assert.throws(() => parseCsvText('a,b\n"x"y,2\n'), /line 2: a character follows a closing quote/);
  assert.throws(() => parseCsvText('a,b\n1,x"y\n'), /line 2: a quote inside an unquoted field/);
});
