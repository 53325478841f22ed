import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Group,
  bytesToHex,
  deriveCredentialKey,
  encodeSchnorrProof,
  loadGroup,
  parseVotingCode,
} from '@scrutineer/crypto';
import {
  buildRoll,
  checkRollInclusion,
  concludeCeremonyFromBodies,
  createCeremonyKey,
  dealCeremonyShares,
  electionKeyBody,
  memberAnswers,
  parsePackId,
  parseReturnSlip,
  parseRollReference,
} from '@scrutineer/protocol';
import {
  type BoardEvent,
  type Manifest,
  computeBaseHash,
  electionFingerprint,
  makeBoardEvent,
  manifestHash,
  parseManifest,
} from '@scrutineer/record';
import { verifySecurityAnswers } from '@scrutineer/protocol';
import { makeSyntheticRoll } from '../../../test-fixtures/synthetic-roll.ts';
import { commitRollMembers } from '../roll/commit.ts';
import { parseCsvText } from '../roll/csv-file.ts';
import { electionDraft } from './election-input.ts';
import { generatePackFiles } from './generate.ts';
import { readAnswersFile, readCredentialsFile, readPrintFile } from './pack-files.ts';

/** The item at `index`, asserting it exists. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  assert.ok(item !== undefined, `no item at ${index}`);
  return item;
}

for (const tool of ['pdftoppm', 'pdftotext', 'zbarimg']) {
  if (spawnSync('which', [tool]).status !== 0)
    throw new Error(`${tool} is missing: apt-get install poppler-utils zbar-tools`);
}

const FAST_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

const TRUSTEE_GROUP = await loadGroup('sodium');
const TRUSTEE = createCeremonyKey(TRUSTEE_GROUP, 'leader-2025', 1);

/** A board's setup events for `manifest`: its 1-of-1 ceremony, honestly concluded, and the key. */
function ceremonyBoard(group: Group, manifest: Manifest) {
  const dealing = dealCeremonyShares(group, manifest, TRUSTEE);
  const key = electionKeyBody(
    group,
    concludeCeremonyFromBodies(group, manifest, {
      commitments: [dealing.commitments],
      shares: [dealing.shares],
      complaints: [],
    })
  );
  const events: BoardEvent[] = [];
  const add = (type: BoardEvent['type'], body: BoardEvent['body']) => {
    const last = events.at(-1);
    events.push(
      makeBoardEvent(
        last === undefined ? null : { position: last.position, hash: '11'.repeat(32) },
        type,
        '2025-08-01T09:00:00Z',
        body as never
      )
    );
  };
  add('election-setup', manifest);
  add('trustee-commitments', dealing.commitments);
  add('trustee-shares', dealing.shares);
  add('election-key', key);
  return { key, board: { setupEvents: () => Promise.resolve(events) } };
}

function setup() {
  const synthetic = makeSyntheticRoll({ members: 80, seed: 'packs' });
  const built = buildRoll(parseCsvText(synthetic.csv), synthetic.rules);
  assert.ok(built.ok);
  const roll = built.value;
  const { commitment, references } = commitRollMembers(roll);
  const manifestValue = {
    format: 'scrutineer/v1',
    electionId: 'leader-2025',
    title: 'Election of the Leader 2025',
    organisation: 'Example Party',
    contests: [
      {
        id: 'leader',
        title: 'Leader of the party',
        minSelections: 1,
        maxSelections: 1,
        candidates: [
          { id: 'alex-morgan', name: 'Alex Morgan' },
          { id: 'sam-patel', name: 'Sam Patel' },
          { id: 'chris-young', name: 'Chris Young' },
        ],
      },
    ],
    window: { opens: '2025-09-01T09:00:00Z', closes: '2025-09-30T17:00:00Z' },
    channels: { online: true, postal: true },
    policy: 'first-ballot-final',
    trustees: {
      threshold: 1,
      members: [
        {
          index: 1,
          name: 'Trustee 1',
          publicKey: bytesToHex(TRUSTEE_GROUP.encodePoint(TRUSTEE.publicKey.publicKey)),
          keyProof: bytesToHex(encodeSchnorrProof(TRUSTEE_GROUP, TRUSTEE.publicKey.proof)),
        },
      ],
    },
    board: { publicKey: '33'.repeat(32) },
    roll: commitment,
    securityQuestions: [
      { id: 'dob', label: 'Date of birth' },
      { id: 'postcode', label: 'Postcode' },
    ],
  };
  const manifest = parseManifest(manifestValue);
  assert.ok(manifest.ok, !manifest.ok ? manifest.error.message : '');
  return {
    roll,
    references,
    manifest: manifest.value,
    election: electionDraft(manifest.value, manifest.value),
  };
}

/** Decodes every barcode on a PNG: ["QR-Code:…", "CODE-128:…"]. */
function decodeBarcodes(png: string): string[] {
  return execFileSync('zbarimg', ['-q', '--raw', '-Sqrcode.enable', '-Scode128.enable', png], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n');
}

test(
  'packs generate: credentials, answers table, print file and PDF packs that decode to the right code and pack id',
  { timeout: 300_000 },
  async () => {
    const { roll, references, manifest, election } = setup();
    const out = mkdtempSync(join(tmpdir(), 'scrutineer-packs-'));
    const { key, board } = ceremonyBoard(TRUSTEE_GROUP, manifest);
    const electionKey = key.publicKey;
    const generated = await generatePackFiles({
      roll,
      references,
      election,
      outDir: out,
      answers: { parameters: FAST_ARGON2, threads: 2 },
      fingerprint: { board },
      pdf: { batchSize: 30, boothUrl: 'https://vote.example.org' },
    });
    const count = references.count;
    const credentials = readCredentialsFile(generated.paths.credentials);
    const answers = readAnswersFile(generated.paths.answers);
    const rows = readPrintFile(generated.paths.print);
    assert.equal(credentials.count, count);
    assert.equal(rows.length, count);
    assert.deepEqual(
      answers.entries.map((e) => e.key),
      credentials.keys,
      'the answers table is in the published order'
    );
    assert.deepEqual(
      new Set(rows.map((r) => r.member_id)),
      new Set(references.references.map((r) => r.memberId))
    );
    // Nothing public links a credential to a member.
    const publicText =
      readFileSync(generated.paths.credentials, 'utf8') +
      readFileSync(generated.paths.answers, 'utf8');
    for (const row of rows.slice(0, 10))
      assert.ok(
        !publicText.includes(row.member_id) &&
          !publicText.includes(row.code) &&
          !publicText.includes(row.return_secret)
      );

    // The fingerprint is the one the base hash of this manifest, key and list gives (spec §9.3).
    const expectedFingerprint = electionFingerprint(
      computeBaseHash({
        manifestHash: manifestHash(manifest),
        electionKey,
        credentialListHash: credentials.credentialListHash,
        credentialCount: count,
      })
    );
    assert.equal(generated.fingerprint, expectedFingerprint);
    assert.deepEqual(readdirSync(generated.paths.pdfDirectory).sort(), [
      'packs-0001.pdf',
      'packs-0002.pdf',
      'packs-0003.pdf',
    ]);
    assert.equal(generated.pdfPacks, count);

    // Every code signs in: it derives a listed key whose answers hash the server's function accepts.
    const group = await loadGroup('sodium');
    const entryByKey = new Map(answers.entries.map((e) => [e.key, e]));
    for (const row of rows.slice(0, 5)) {
      const code = parseVotingCode(row.code);
      assert.ok(code.ok);
      const key = bytesToHex(
        group.encodePoint(deriveCredentialKey(group, 'leader-2025', code.value).publicKey)
      );
      const entry = entryByKey.get(key);
      assert.ok(entry !== undefined, 'the code derives a listed key');
      assert.equal(entry.packId, row.pack_id);
      // The printer's file holds no answers (F23): the member knows them, here from the roll.
      const member = roll.members.find((m) => m.memberId === row.member_id);
      assert.ok(member !== undefined);
      const given = { ok: true as const, value: memberAnswers(member, answers.questions) };
      assert.equal(
        await verifySecurityAnswers(answers.questions, given.value, entry.answersHash),
        true
      );
      assert.equal(
        await verifySecurityAnswers(
          answers.questions,
          { ...given.value, dob: '1900-01-01' },
          entry.answersHash
        ),
        false
      );
    }

    // The second page of the second file: render it, read its codes back, check what it says.
    const pdf = join(generated.paths.pdfDirectory, 'packs-0002.pdf');
    const row = at(rows, 31);
    execFileSync('pdftoppm', [
      '-f',
      '2',
      '-l',
      '2',
      '-r',
      '200',
      '-png',
      '-singlefile',
      pdf,
      join(out, 'page'),
    ]);
    const decoded = decodeBarcodes(join(out, 'page.png'));
    assert.equal(decoded.length, 4, decoded.join('\n'));
    assert.ok(decoded.includes(row.code), 'the code QR carries the code');
    assert.ok(decoded.includes(row.pack_id), 'the barcode carries the pack id');
    // Spec §9.5.3: the return slip's QR code carries the pack id and the return secret, whose
    // commitment the answers table loads with the credential.
    const slipText = decoded.find((d) => d.startsWith('RETURN1:'));
    assert.ok(slipText !== undefined, 'the return slip QR code');
    const slip = parseReturnSlip(slipText);
    assert.deepEqual(slip, {
      ok: true,
      value: { packId: row.pack_id, returnSecret: row.return_secret },
    });
    assert.ok(parsePackId(row.pack_id).ok);
    const rollText = decoded.find((d) => d.startsWith('ROLL1:'));
    assert.ok(rollText !== undefined);
    const reference = parseRollReference(rollText);
    assert.ok(reference.ok);
    assert.deepEqual(
      checkRollInclusion(manifest.roll, { memberId: row.member_id, ...reference.value.inclusion }),
      { ok: true }
    );
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], {
      encoding: 'utf8',
    });
    const member = roll.members.find((m) => m.memberId === row.member_id);
    assert.ok(member !== undefined);
    for (const expected of [
      member.name,
      member.postcode,
      row.code,
      `Election fingerprint: ${expectedFingerprint}`,
      'BALLOT PAPER',
      'Alex Morgan',
      'Chris Young',
      `Pack: ${row.pack_id}`,
      'https://vote.example.org',
    ]) {
      assert.ok(text.includes(expected), `page shows ${expected}`);
    }
    // Ballot order: the manifest's.
    assert.ok(
      text.indexOf('Alex Morgan') < text.indexOf('Sam Patel') &&
        text.indexOf('Sam Patel') < text.indexOf('Chris Young')
    );
  }
);

test('packs generate refuses references of another roll, and a manifest whose roll differs', async () => {
  const { roll, references, election } = setup();
  const out = mkdtempSync(join(tmpdir(), 'scrutineer-packs-'));
  const hasher = { hasher: () => Promise.resolve('unused') };
  await assert.rejects(
    generatePackFiles({
      roll,
      references: {
        ...references,
        references: references.references.slice(1),
        count: references.count - 1,
      },
      election,
      outDir: out,
      answers: hasher,
      pdf: false,
    }),
    /not those of this roll's eligible members/
  );
  await assert.rejects(
    generatePackFiles({
      roll,
      references,
      election: { ...election, roll: { count: references.count, root: '00'.repeat(32) } },
      outDir: out,
      answers: hasher,
      pdf: false,
    }),
    /manifest's roll/
  );
});
