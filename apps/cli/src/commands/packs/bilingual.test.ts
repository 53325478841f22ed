import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Manifest } from '@scrutineer/record';
import { bilingualElection } from './bilingual.ts';
import { electionDraft } from './election-input.ts';
import { packLanguages } from './render.ts';

const manifest = {
  electionId: 'leader-2027',
  title: 'Leadership ballot',
  organisation: 'Example Party',
  translations: { cy: { title: 'Pleidlais arweinyddiaeth' } },
  contests: [
    {
      id: 'leader',
      title: 'Leader',
      translations: { cy: 'Arweinydd' },
      minSelections: 1,
      maxSelections: 1,
      candidates: [
        {
          id: 'a',
          name: 'Alex Morgan (Treasurer)',
          translations: { cy: 'Alex Morgan (Trysorydd)' },
        },
        { id: 'b', name: 'Sam Patel' },
      ],
    },
  ],
  securityQuestions: [{ id: 'dob', label: 'Date of birth', translations: { cy: 'Dyddiad geni' } }],
} as unknown as Manifest;

test('a bilingual pack prints every translated manifest text after the original (spec §9.11)', () => {
  const election = bilingualElection(electionDraft(manifest, manifest), 'cy');
  assert.equal(election.title, 'Leadership ballot / Pleidlais arweinyddiaeth');
  assert.equal(election.organisation, 'Example Party', 'untranslated: as it is');
  assert.equal(election.contests[0]?.title, 'Leader / Arweinydd');
  assert.deepEqual(
    election.contests[0]?.candidates.map((c) => c.name),
    ['Alex Morgan (Treasurer) / Alex Morgan (Trysorydd)', 'Sam Patel']
  );
  assert.deepEqual(election.questionLabels, ['date of birth / dyddiad geni']);
  assert.equal(election.manifest, manifest, 'the manifest (and its fingerprint) is untouched');
});

test('--language cy prints the manifest texts in Welsh where translated; --also-language cy after the English', () => {
  const read = electionDraft(manifest, manifest);
  const welsh = packLanguages(read, 'cy', undefined);
  assert.deepEqual(welsh.languages, ['cy']);
  assert.equal(welsh.election.title, 'Pleidlais arweinyddiaeth');
  assert.equal(welsh.election.contests[0]?.candidates[1]?.name, 'Sam Patel', 'untranslated');
  assert.deepEqual(welsh.election.questionLabels, ['dyddiad geni']);
  const both = packLanguages(read, 'en', 'cy');
  assert.deepEqual(both.languages, ['en', 'cy']);
  assert.equal(both.election.title, 'Leadership ballot / Pleidlais arweinyddiaeth');
  assert.deepEqual(packLanguages(read, 'en', undefined).election, read);
  assert.throws(() => packLanguages(read, 'cy', 'cy'), /must differ/);
});
