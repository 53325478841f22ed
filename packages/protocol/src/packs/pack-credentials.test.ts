import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveCredentialKey, bytesToHex, nobleGroup, parseVotingCode } from '@scrutineer/crypto';
import { CredentialListHasher, opensPostalReturn } from '@scrutineer/record';
import { nth } from '@scrutineer/testkit/nth';
import {
  buildAnswersTable,
  generatePackCredentials,
  memberRows,
  printRows,
  shuffle,
} from './pack-credentials.ts';
import { parsePackId } from './pack-id.ts';

const members = Array.from({ length: 40 }, (_, i) => ({
  memberId: `M${String(i).padStart(3, '0')}`,
  name: `Member ${i}`,
  address: `${i} High Street`,
  postcode: 'LS1 4AP',
  dateOfBirth: `19${50 + i}-01-0${1 + (i % 9)}`,
  email: null,
  joinDate: '2020-01-01',
  status: 'active',
}));

test('one credential per member: the code derives the listed key in this election', () => {
  const generated = generatePackCredentials(nobleGroup, {
    electionId: 'party-leader-2025',
    members,
    questionIds: ['dob', 'postcode'],
  });
  assert.equal(generated.packs.length, 40);
  assert.equal(new Set(generated.packs.map((p) => p.code)).size, 40);
  assert.equal(new Set(generated.packs.map((p) => p.packId)).size, 40);
  const listed = new Set(generated.credentialKeys);
  assert.equal(listed.size, 40);
  for (const [i, pack] of generated.packs.entries()) {
    assert.equal(pack.memberId, nth(members, i).memberId);
    const code = parseVotingCode(pack.code);
    assert.ok(code.ok);
    const key = bytesToHex(
      nobleGroup.encodePoint(
        deriveCredentialKey(nobleGroup, 'party-leader-2025', code.value).publicKey
      )
    );
    assert.equal(key, pack.credentialKey);
    assert.ok(listed.has(key));
    assert.ok(parsePackId(pack.packId).ok);
    assert.deepEqual(pack.answers, { dob: nth(members, i).dateOfBirth, postcode: 'LS1 4AP' });
  }
  const hasher = new CredentialListHasher();
  generated.credentialKeys.forEach((k) => hasher.add(k));
  assert.equal(generated.credentialListHash, hasher.digestHex());
});

test('the published list is shuffled: not in member order', () => {
  const generated = generatePackCredentials(nobleGroup, {
    electionId: 'party-leader-2025',
    members,
    questionIds: ['dob'],
  });
  assert.notDeepEqual(
    generated.credentialKeys,
    generated.packs.map((p) => p.credentialKey)
  );
});

test('the shuffle is uniform (chi-squared over the 24 orders of 4 items)', () => {
  const counts = new Map<string, number>();
  const trials = 24_000;
  for (let t = 0; t < trials; t++) {
    const key = shuffle(['a', 'b', 'c', 'd']).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 24);
  const expected = trials / 24;
  const chiSquared = [...counts.values()].reduce(
    (sum, c) => sum + (c - expected) ** 2 / expected,
    0
  );
  assert.ok(chiSquared < 49.7, `χ² = ${chiSquared} (23 degrees of freedom, p = 0.001 at 49.7)`);
});

test('print rows and the answers table: the only member link is in the print rows', async () => {
  const generated = generatePackCredentials(nobleGroup, {
    electionId: 'party-leader-2025',
    members,
    questionIds: ['dob', 'postcode'],
  });
  const rows = printRows(generated);
  // F23: the printer's rows hold no answers (code + answers is a complete credential).
  assert.deepEqual(Object.keys(nth(rows, 0)), ['pack_id', 'member_id', 'code', 'return_secret']);
  assert.match(nth(rows, 0).code, /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  assert.equal(
    nth(memberRows(generated), 0).answers,
    `dob=${nth(members, 0).dateOfBirth},postcode=LS1 4AP`
  );
  const seenConcurrently: number[] = [];
  let running = 0;
  const table = await buildAnswersTable(
    generated,
    async (questions, answers) => {
      running++;
      seenConcurrently.push(running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return `hash(${questions.join('+')}:${answers['dob']}/${answers['postcode']})`;
    },
    { concurrency: 4 }
  );
  assert.deepEqual(
    table.map((e) => e.key),
    generated.credentialKeys
  );
  assert.ok(Math.max(...seenConcurrently) <= 4 && Math.max(...seenConcurrently) > 1);
  for (const entry of table) {
    const pack = generated.packs.find((p) => p.credentialKey === entry.key);
    assert.ok(pack !== undefined);
    // F13: the server's table holds no pack id (the pack id is printed beside the member's name).
    assert.deepEqual(Object.keys(entry).sort(), ['answersHash', 'key', 'returnCommitment']);
    assert.ok(!Object.values(entry).includes(pack.packId));
    assert.equal(entry.answersHash, `hash(dob+postcode:${pack.answers['dob']}/LS1 4AP)`);
    assert.ok(!('memberId' in entry));
    // Spec §9.5.3: the server gets the return commitment; only the print row has the secret.
    assert.ok(opensPostalReturn(entry.returnCommitment, entry.key, pack.postalReturn.secret));
    assert.ok(!Object.values(entry).includes(pack.postalReturn.secret));
    assert.equal(
      rows.find((r) => r.pack_id === pack.packId)?.return_secret,
      pack.postalReturn.secret
    );
  }
});
