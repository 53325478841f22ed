import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printableText } from './printable-text.ts';

test('keeps Windows-1252, folds other Latin letters, marks the rest', () => {
  assert.equal(printableText('Zoë O’Brien – café €5'), 'Zoë O’Brien – café €5');
  assert.equal(printableText('Łukasz Dvořák'), 'Lukasz Dvorák');
  assert.equal(printableText('Nguyễn'), 'Nguyên');
  assert.equal(printableText('Ærøskøbing'), 'Ærøskøbing');
  assert.equal(printableText('李 Ολγα'), '? ????');
  assert.equal(printableText('1 High St\nLeeds'), '1 High St\nLeeds');
});
