import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
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
import { migrate, openPostgresDatabase, startServer } from '@scrutineer/server';
import { createTestElection, nth } from '@scrutineer/testkit';
import pg from 'pg';
import { makeSyntheticRoll } from '../../../test-fixtures/synthetic-roll.ts';
import { commitRollMembers } from '../roll/commit.ts';
import { parseCsvText } from '../roll/csv-file.ts';
import { electionDraft } from './election-input.ts';
import { generatePackFiles } from './generate.ts';
import {
  readAnswersFile,
  readCredentialsFile,
  readPackRegister,
  readPrintFile,
} from './pack-files.ts';

/** The item at `index`, asserting it exists. */
for (const tool of ['pdftoppm', 'pdftotext', 'zbarimg']) {
  if (spawnSync('which', [tool]).status !== 0)
    throw new Error(`${tool} is missing: apt-get install poppler-utils zbar-tools`);
}

const PG_URL =
  process.env['SCRUTINEER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const FAST_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

const TRUSTEE_GROUP = await loadGroup('sodium');
const TRUSTEE = createCeremonyKey(TRUSTEE_GROUP, 'leader-2025', 1);

/** A board's setup events for `manifest`: its 1-of-1 ceremony, honestly concluded, and the key. */
function ceremonyBoard(group: Group, manifest: Manifest) {
  const dealing = dealCeremonyShares(group, manifest, TRUSTEE);
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments: [dealing.commitments],
    shares: [dealing.shares],
    complaints: [],
  });
  assert.ok(concluded.ok);
  const key = electionKeyBody(group, concluded.value);
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

/** Decodes every barcode on a PNG (none: []; zbarimg then exits 4). */
function decodeBarcodes(png: string): string[] {
  const found = spawnSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' });
  if (found.status === 4) return [];
  assert.equal(found.status, 0, found.stderr);
  return found.stdout.trim().split('\n');
}

test(
  'packs generate: credentials, answers table, print file and PDF packs whose ballot paper carries nothing of the pack or member',
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
      // F13: the server's table holds no pack id; the registrar's register does.
      assert.ok(!Object.values(entry).includes(row.pack_id));
      assert.equal(
        readPackRegister(generated.paths.packRegister).find((r) => r.pack_id === row.pack_id)
          ?.credential,
        key
      );
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

    // The second pack of the second file: its letter (page 3), and its return slip and ballot
    // paper (page 4). Render them, read their codes back, check what each part says.
    const pdf = join(generated.paths.pdfDirectory, 'packs-0002.pdf');
    const row = nth(rows, 31);
    assert.ok(parsePackId(row.pack_id).ok);
    const code = parseVotingCode(row.code);
    assert.ok(code.ok);
    const credential = bytesToHex(
      group.encodePoint(deriveCredentialKey(group, 'leader-2025', code.value).publicKey)
    );
    const letter = renderPage(pdf, 3, join(out, 'letter'));
    assert.equal(letter.codes.length, 2, letter.codes.join('\n'));
    assert.ok(letter.codes.includes(row.code), 'the code QR carries the code');
    const rollText = letter.codes.find((d) => d.startsWith('ROLL1:'));
    assert.ok(rollText !== undefined);
    const reference = parseRollReference(rollText);
    assert.ok(reference.ok);
    assert.deepEqual(
      checkRollInclusion(manifest.roll, { memberId: row.member_id, ...reference.value.inclusion }),
      { ok: true }
    );
    const member = roll.members.find((m) => m.memberId === row.member_id);
    assert.ok(member !== undefined);
    for (const expected of [
      member.name,
      member.postcode,
      row.code,
      `Election fingerprint: ${expectedFingerprint}`,
      `Pack reference: ${row.pack_id}`,
      'https://vote.example.org',
      'Voting by post',
    ])
      assert.ok(letter.text.includes(expected), `the letter shows ${expected}`);
    // The sheet with the member's name carries nothing the board holds of this pack (F13).
    for (const absent of [credential, row.return_secret, 'RETURN2'])
      assert.ok(!letter.text.toLowerCase().includes(absent.toLowerCase()), absent);

    // Spec §9.5.3: the return slip's QR code carries the credential and the return secret, whose
    // commitment the answers table loads with the credential; the slip names no one.
    const second = renderPage(pdf, 4, join(out, 'second'));
    assert.deepEqual(second.codes.length, 1, second.codes.join('\n'));
    assert.deepEqual(parseReturnSlip(second.codes[0] ?? ''), {
      ok: true,
      value: { credential, returnSecret: row.return_secret },
    });
    for (const expected of ['RETURN SLIP', 'BALLOT PAPER', 'Alex Morgan', 'Chris Young'])
      assert.ok(second.text.includes(expected), `the second sheet shows ${expected}`);
    for (const absent of [member.name, member.postcode, row.member_id, row.pack_id, row.code])
      assert.ok(!second.text.includes(absent), `the second sheet does not show ${absent}`);
    // Ballot order: the manifest's.
    assert.ok(
      second.text.indexOf('Alex Morgan') < second.text.indexOf('Sam Patel') &&
        second.text.indexOf('Sam Patel') < second.text.indexOf('Chris Young')
    );

    // The ballot paper (below the tear line, 99 mm down) carries nothing that links it to a pack
    // or a member: no barcode, no pack id, no credential, no secret; only the official mark.
    const paper = renderBallotPaper(pdf, 4, join(out, 'paper-a'));
    assert.deepEqual(paper.codes, [], 'no barcode or QR code on the ballot paper');
    assert.ok(paper.text.includes('OFFICIAL MARK') && paper.text.includes(expectedFingerprint));
    const hexGroups = (hex: string) => hex.toUpperCase().match(/.{8}/g) ?? [];
    for (const absent of [
      row.pack_id,
      row.member_id,
      member.name,
      'RETURN2',
      'RETURN SLIP',
      ...hexGroups(credential),
      ...hexGroups(row.return_secret),
    ])
      assert.ok(!paper.text.toUpperCase().includes(absent.toUpperCase()), absent);
    // And it is the same image, pixel for pixel, as another member's ballot paper.
    const other = renderBallotPaper(pdf, 2, join(out, 'paper-b'));
    assert.ok(readFileSync(paper.png).equals(readFileSync(other.png)), 'ballot papers identical');
  }
);

/** Renders page `page` of `pdf` to PNG at 200 dpi; its decoded barcodes and its text. */
function renderPage(pdf: string, page: number, stem: string): { codes: string[]; text: string } {
  const range = ['-f', String(page), '-l', String(page)];
  execFileSync('pdftoppm', [...range, '-r', '200', '-png', '-singlefile', pdf, stem]);
  const text = execFileSync('pdftotext', [...range, '-layout', pdf, '-'], { encoding: 'utf8' });
  return { codes: decodeBarcodes(`${stem}.png`), text };
}

/** The ballot paper of page `page`: the part below the tear line (99 mm), as PNG and text. */
function renderBallotPaper(
  pdf: string,
  page: number,
  stem: string
): { codes: string[]; text: string; png: string } {
  const range = ['-f', String(page), '-l', String(page)];
  // A4 at 200 dpi is 1654 × 2339 px; the tear line is at 99 mm = 780 px (281 pt).
  const crop = ['-x', '0', '-y', '790', '-W', '1654', '-H', '1549'];
  execFileSync('pdftoppm', [...range, '-r', '200', ...crop, '-png', '-singlefile', pdf, stem]);
  const text = execFileSync(
    'pdftotext',
    [...range, '-x', '0', '-y', '284', '-W', '595', '-H', '558', '-layout', pdf, '-'],
    { encoding: 'utf8' }
  );
  return { codes: decodeBarcodes(`${stem}.png`), text, png: `${stem}.png` };
}

test(
  'F13: the board holds no pack id, and nothing on the sheet with the member’s name is in its database',
  { timeout: 300_000 },
  async () => {
    const { roll, references, election } = setup();
    const out = mkdtempSync(join(tmpdir(), 'scrutineer-f13-'));
    const generated = await generatePackFiles({
      roll,
      references,
      election,
      outDir: out,
      answers: { parameters: FAST_ARGON2, threads: 2 },
      pdf: { batchSize: 500, limit: 3 },
    });
    const answers = readAnswersFile(generated.paths.answers);
    const rows = readPrintFile(generated.paths.print);
    // A board on real PostgreSQL, in a schema of its own; the officer loads the registrar's
    // answers table through the API exactly as `scrutineer election load` posts it.
    const schema = `postal_f13_${randomBytes(6).toString('hex')}`;
    const database = await openPostgresDatabase({ connectionString: PG_URL, schema });
    await migrate(database);
    const server = await startServer({ database, port: 0, logger: false });
    try {
      const board = await createTestElection(server.service, {
        voters: answers.entries.length,
        open: false,
      });
      const post = (credentials: readonly object[]) =>
        fetch(`${server.url}/api/elections/${board.electionId}/credentials`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${board.adminKey}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ credentials }),
        });
      const entries = answers.entries.map((e) => ({
        key: e.key,
        answersHash: e.answersHash,
        returnCommitment: e.returnCommitment,
      }));
      // The board will not take a pack id, even if offered one.
      const first = nth(entries, 0);
      const offered = await post([{ ...first, packId: nth(rows, 0).pack_id }]);
      assert.equal(offered.status, 400);
      const loaded = await post(entries);
      assert.equal(loaded.status, 201, await loaded.text());

      // Every row of every table of the board's database, as text.
      const tables = await database.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()'
      );
      const columns = await database.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()'
      );
      assert.deepEqual(
        columns.filter((c) => c.column_name.includes('pack')),
        [],
        'no column for a pack id'
      );
      let dump = '';
      for (const { table_name } of tables) {
        const all = await database.query<{ row: string }>(
          `SELECT t::text AS row FROM "${table_name}" t`
        );
        dump += all.map((r) => r.row).join('\n');
      }
      dump = dump.toLowerCase();
      assert.ok(dump.includes(first.key), 'the dump holds the credentials');
      // The member's letter (page 1 of each pack): every word on it but the voting code (the
      // member's secret, which is the credential itself) is absent from the board's database.
      const pdf = join(generated.paths.pdfDirectory, 'packs-0001.pdf');
      for (const [i, row] of rows.slice(0, 3).entries()) {
        const page = String(2 * i + 1);
        const letter = execFileSync('pdftotext', ['-f', page, '-l', page, pdf, '-'], {
          encoding: 'utf8',
        });
        assert.ok(letter.includes(row.pack_id) && letter.includes(row.member_id));
        const words = new Set(
          letter
            .split(/[\s:,()]+/)
            .map((w) => w.toLowerCase())
            .filter((w) => w.length >= 6 && !row.code.toLowerCase().includes(w))
        );
        for (const word of words)
          assert.ok(!dump.includes(word) || /^[a-z.-]+$/.test(word), `the board holds "${word}"`);
        assert.ok(!dump.includes(row.pack_id.toLowerCase()), row.pack_id);
        assert.ok(!dump.includes(row.member_id.toLowerCase()), row.member_id);
      }
    } finally {
      await server.close();
      await database.close();
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
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
