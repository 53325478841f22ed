import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Declaration } from '@scrutineer/record';
import { countedRankedLeader, rankedLeaderContest } from '@scrutineer/testkit/ranked-declaration';
import { chartContests, declarationHtml, formatDeclaration } from './declaration-files.ts';

const base: Declaration = {
  electionId: 'leader-2026',
  title: 'Leader',
  organisation: 'Example Party',
  electorate: 10,
  turnout: { online: 7, postal: 0, total: 7, percent: 70 },
  spoilt: 0,
  rejected: {
    total: 0,
    byReason: { 'already-voted-online': 0, 'already-voted-by-post': 0, 'credential-revoked': 0 },
  },
  contests: [],
};
const counted: Declaration = { ...base, contests: [countedRankedLeader] };
const pending: Declaration = {
  ...base,
  contests: [rankedLeaderContest({ method: 'irv', rules: null, sheet: null })],
};

test('a counted ranked contest is declared by first preferences, who is elected, and its stages', () => {
  const html = declarationHtml(counted, '<svg></svg>');
  assert.match(html, /<li>Sam — Leader<\/li>/);
  assert.match(html, /First preferences in Leader/);
  assert.match(html, /<th scope="row">Sam<\/th><td>2<\/td><td>33\.3<\/td><td>Elected<\/td>/);
  assert.match(html, /<th scope="col">Stage 2<\/th>/);
  assert.match(html, /<th scope="row">Sam<\/th><td>2<\/td><td>5<\/td><\/tr>/);
  assert.match(html, /href="ranked-result\.md"/);
  const text = formatDeclaration(counted);
  assert.match(text, /Alternative vote .*7 ballots \(1 blank\), 2 stages/);
  assert.match(text, /Sam +2 +33\.3 ELECTED/);
});

test('a ranked contest before its count is declared pending, with no zero rows or bars', () => {
  const html = declarationHtml(pending, '<svg></svg>');
  assert.match(html, /The ranked count is pending\./);
  const section = html.slice(html.indexOf('<h2>Leader</h2>'), html.indexOf('<h2>Turnout</h2>'));
  assert.match(section, /pending/);
  assert.doesNotMatch(section, /<td>/);
  assert.match(formatDeclaration(pending), /the ranked count is pending/);
  assert.deepEqual(chartContests(pending), []);
});
