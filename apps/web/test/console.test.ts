/**
 * Browser tests of the returning officer's console: Debian Chromium via playwright-core against a
 * real server on loopback (PGlite in memory) serving the built app. Every page and state is
 * screenshot into test-artifacts/web/ and checked with axe-core (0 violations), in English and
 * Welsh; sign-in works from the keyboard alone and refuses a trustee's key file by name. The
 * whole-election test drives an election from the console (create, nominations, ceremony, open,
 * a replacement pack, postal intake and batch entry with each bad batch refused, close, the postal
 * risk-limiting audit from its first commitment to its end with each step out of order refused,
 * tally, publish) with voters in the booth, and runs the verifier on the published record; open,
 * close, the postal steps and the audit are taken with Tab, Enter and Space only. Cancelling is
 * driven from the keyboard alone in Welsh, through its warning, and the record verifies as
 * cancelled.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type Group,
  bytesToHex,
  deriveCredentialKey,
  formatVotingCode,
  generateVotingCode,
  loadGroup,
  randomScalar,
} from '@scrutineer/crypto';
import {
  type PostalReturn,
  buildRoll,
  closeNominations,
  createCeremonyKey,
  encodeReturnSlip,
  generatePostalReturn,
  officerKeyHash,
  hashSecurityAnswers,
  openNominations,
  recordNomination,
} from '@scrutineer/protocol';
import {
  CredentialListHasher,
  type EventBody,
  auditSeedCommitment,
  signReplacementApproval,
} from '@scrutineer/record';
import { verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import {
  type RunningServer,
  hashBearerKey,
  openPgliteDatabase,
  startServer,
  writeRecordBundle,
} from '@scrutineer/server';
import { simulatedManifest } from '@scrutineer/testkit';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { en } from '../src/i18n/messages-en.ts';
import { consoleEn as ce } from '../src/console/i18n/console-messages-en.ts';
import { consoleCy as cc } from '../src/console/i18n/console-messages-cy.ts';
import {
  type TestBrowser,
  assertAccessible,
  capture,
  focusedText,
  launchBrowser,
  unexpectedProblems,
} from './support/browser.ts';
import {
  concludeCeremony,
  checkShares,
  deal,
  generateKey,
  postDecryptionShare,
  rehearse,
  trusteeLink,
} from './support/trustee-driver.ts';
import type { TrusteeEntry } from './support/trustee-election.ts';

const OPERATOR_KEY = `operator-${randomBytes(16).toString('hex')}`;
const CHEAP_ARGON2 = { memorySize: 256, iterations: 1, parallelism: 1, hashLength: 32 };

let server: RunningServer;
let group: Group;
let browser: TestBrowser;
let closeDatabase: () => Promise<void>;

before(async () => {
  await sharedWebBuild();
  group = await loadGroup('sodium');
  const database = await openPgliteDatabase();
  closeDatabase = () => database.close();
  server = await startServer({
    database,
    port: 0,
    logger: false,
    group,
    operatorKeyHash: hashBearerKey(OPERATOR_KEY),
    checkpoints: { intervalMs: 0, everyEvents: 1000 },
    requestsPerMinute: 100_000,
    signInPerMinute: 100_000,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await closeDatabase?.();
});

async function heading(page: Page, text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).waitFor({ timeout: 60_000 });
}

async function statusSays(page: Page, text: string): Promise<void> {
  await page.locator('#console-status', { hasText: text }).waitFor({ timeout: 60_000 });
}

const boardTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What `scrutineer nominations close` leaves: every candidate nominated once, threshold one. */
function nominate(names: readonly string[]) {
  let state = openNominations(
    names.map((_, i) => ({ id: `member-${i + 1}`, name: `Member ${i + 1}` }))
  );
  names.forEach((candidateName, i) => {
    const recorded = recordNomination(state, {
      nominator: `member-${i + 1}`,
      candidateName,
      form: `NF-${i + 1}`,
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    state = recorded.value;
  });
  const closed = closeNominations(state, 1);
  if (!closed.ok) throw new Error(closed.error.message);
  return closed.value;
}

/** A manifest draft (no `board`) for `electionId` with `trustees`' public keys and the nominations. */
function draftFor(
  electionId: string,
  /** The trustees' manifest entries, or null for in-process stand-ins (no ceremony is run). */
  entries: readonly TrusteeEntry[] | null,
  voters: number,
  names: readonly string[],
  postal = false
) {
  const nominations = nominate(names);
  const simulated = simulatedManifest(group, {
    electionId,
    contests: [
      { id: 'leader', title: 'Leader', minSelections: 1, maxSelections: 1, candidates: [...names] },
    ],
    // Stand-ins, replaced below by the trustees' own entries when given (their pages made them).
    trusteeKeys: [1, 2, 3, 4, 5].map((i) => createCeremonyKey(group, electionId, i)),
    threshold: 3,
    boardPublicKey: group.generator,
    voters,
    policy: 'first-ballot-final',
    start: boardTime(new Date(Date.now() - 3_600_000)),
    channels: { online: true, postal },
  });
  const { board: _board, ...draft } = simulated;
  return {
    nominations,
    draft: {
      ...draft,
      contests: draft.contests.map((contest) => ({
        ...contest,
        candidates: nominations.ballot.map((c) => ({ id: c.id, name: c.name })),
      })),
      nominations: nominations.manifestField,
      trustees: { threshold: 3, members: entries === null ? draft.trustees.members : [...entries] },
    },
  };
}

interface Voter {
  readonly code: string;
  readonly credential: string;
  readonly answers: { readonly dob: string; readonly postcode: string };
  /** The pack's return slip (spec §9.5.3): its secret and the commitment the board lists. */
  readonly postalReturn: PostalReturn;
}

/** What `scrutineer packs generate` writes as answers.json for these voters (spec §9.5). */
async function answersTable(electionId: string, voters: readonly Voter[]): Promise<string> {
  const hasher = new CredentialListHasher();
  for (const v of voters) hasher.add(v.credential);
  return JSON.stringify({
    format: 'scrutineer/answers/v1',
    electionId,
    questions: ['dob', 'postcode'],
    count: voters.length,
    credentialListHash: hasher.digestHex(),
    entries: await Promise.all(
      voters.map(async (v) => ({
        key: v.credential,
        answersHash: await hashSecurityAnswers(['dob', 'postcode'], v.answers, CHEAP_ARGON2),
        returnCommitment: v.postalReturn.commitment,
      }))
    ),
  });
}

function makeVoters(electionId: string, count: number): Voter[] {
  return Array.from({ length: count }, (_, i) => {
    const code = generateVotingCode();
    const credential = bytesToHex(
      group.encodePoint(deriveCredentialKey(group, electionId, code).publicKey)
    );
    return {
      code: formatVotingCode(code),
      credential,
      answers: { dob: `1980-02-1${i}`, postcode: `SA${i} 1AA` },
      postalReturn: generatePostalReturn(credential),
    };
  });
}

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** The request `scrutineer packs replace` writes for the officer: a new pack replacing `revoked`. */
async function replacementRequestFile(electionId: string, revoked: string, approver: bigint) {
  const [fresh] = makeVoters(electionId, 1);
  if (fresh === undefined) throw new Error('no voter');
  const summary = (await (await fetch(`${server.url}/api/elections/${electionId}`)).json()) as {
    baseHash: string;
  };
  const returnCommitment = fresh.postalReturn.commitment;
  const approval = signReplacementApproval(group, summary.baseHash, approver, {
    revoked,
    replacement: fresh.credential,
    return: returnCommitment,
    reason: 'lost',
  });
  return {
    format: 'scrutineer/replacement/v1',
    electionId,
    revoke: revoked,
    replacement: {
      key: fresh.credential,
      answersHash: await hashSecurityAnswers(['dob', 'postcode'], fresh.answers, CHEAP_ARGON2),
      returnCommitment,
    },
    reason: 'lost',
    approval,
    issued: new Date().toISOString(),
  };
}

/** Tab, and only Tab, until element `id` has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

async function keyboardPress(page: Page, id: string, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, id);
  await page.keyboard.press(key);
}

/** Types into a field reached by Tab, replacing what it held. */
async function keyboardType(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Both operators' entry files (chosen as files are), then the batch id and Enter by keyboard. */
async function enterBatch(
  page: Page,
  batch: string,
  first: string,
  second: string,
  tag: string
): Promise<void> {
  for (const [id, text] of [
    ['first-entries', first],
    ['second-entries', second],
  ] as const) {
    await page.setInputFiles(`#${id}`, csv(`${id}-${tag}.csv`, text));
    await page.locator(`#${id}-hint`, { hasText: `${id}-${tag}.csv` }).waitFor();
  }
  await keyboardType(page, 'batch-id', batch);
  await keyboardPress(page, 'enter-batch');
}

describe("returning officer's console in Chromium", () => {
  test('serves /console under the strict CSP; the sign-in page passes axe in English and Welsh', async () => {
    const response = await fetch(`${server.url}/console`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const page = await browser.newPage();
    await page.goto(`${server.url}/console`);
    await heading(page, ce['console.title']);
    await capture(page, 'console-01-sign-in');
    await page.click('#language-switch');
    await heading(page, cc['console.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    await capture(page, 'console-01-sign-in-cy');
    await page.close();
  });

  test("a trustee's key file is refused by name, a wrong key is refused, each with a clear message (keyboard only)", async () => {
    const electionId = `k-${randomBytes(4).toString('hex')}`;
    const { draft } = draftFor(electionId, null, 1, ['A One', 'B Two']);
    const created = await fetch(`${server.url}/api/elections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        manifest: draft,
        adminKeyHash: hashBearerKey(`officer-${randomBytes(32).toString('base64url')}`),
      }),
    });
    assert.equal(created.status, 201);
    const page = await browser.newPage();
    await page.goto(`${server.url}/console`);
    await heading(page, ce['console.title']);
    // Keyboard only: Tab from the top reaches the election id, the key file, the pasted key, Sign in.
    await page.focus('#election');
    await page.keyboard.type(electionId);
    await page.setInputFiles(
      '#key-file',
      file(
        'trustee-1.key.json',
        JSON.stringify({
          format: 'scrutineer/trustee-key/v1',
          electionId,
          trustee: 1,
          secretKey: '00'.repeat(32),
        })
      )
    );
    await page.focus('#key-file');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(page), ce['signIn.submit']);
    await page.keyboard.press('Enter');
    await page.locator('.error-summary', { hasText: ce['error.trusteeKeyFile'] }).waitFor();
    // The summary takes focus, so a screen reader reads it at once.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    await capture(page, 'console-02-trustee-key-refused');
    await page.click('#language-switch');
    await page.locator('.error-summary', { hasText: cc['error.title'] }).waitFor();
    await assertAccessible(page, 'console-02-cy');
    await page.click('#language-switch');
    // A well-formed key that is not this election's: the server's refusal, in words.
    await page.setInputFiles(
      '#key-file',
      file('officer.key', `${randomBytes(32).toString('base64url')}\n`)
    );
    await page.click('#sign-in');
    await page.locator('.error-summary', { hasText: ce['error.wrongKey'] }).waitFor();
    await capture(page, 'console-03-wrong-key');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.close();
  });

  test('an invalid manifest is explained field by field before anything is sent', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console`);
    await heading(page, ce['console.title']);
    await page.fill('#operator-key', OPERATOR_KEY);
    await page.fill(
      '#manifest',
      JSON.stringify({ format: 'scrutineer/v1', electionId: 'Bad Id', title: 'x' })
    );
    await page.click('#create');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /In the manifest|The manifest is not valid/);
    await capture(page, 'console-04-invalid-manifest');
    await page.fill('#manifest', '{ not json');
    await page.click('#create');
    await page.locator('.error-summary', { hasText: 'not valid JSON' }).waitFor();
    await page.close();
  });

  test('cancel from the keyboard alone, in Welsh: a warning and a public reason first, "No" keeps the election; the record verifies as cancelled', async () => {
    const electionId = `c-${randomBytes(4).toString('hex')}`;
    const { draft, nominations } = draftFor(electionId, null, 1, ['A One', 'B Two'], true);
    const officerKey = randomBytes(32).toString('base64url');
    const created = await fetch(`${server.url}/api/elections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ manifest: draft, adminKeyHash: officerKeyHash(officerKey) }),
    });
    assert.equal(created.status, 201);
    const page = await browser.newPage();
    // Welsh from the address, so the dashboard the sign-in leads to is Welsh too.
    await page.goto(`${server.url}/console?lang=cy`);
    await heading(page, cc['console.title']);
    await keyboardType(page, 'election', electionId);
    await keyboardType(page, 'key', officerKey);
    await page.keyboard.press('Enter');
    await heading(page, `Etholiad ${electionId}`);
    await page.locator('#cancel-start').waitFor();
    // The packs are made offline: the console shows the commands, filled in for this election.
    assert.match(
      await page.locator('#packs-generate').innerText(),
      new RegExp(`scrutineer packs generate .*--booth-url ${server.url}/elections/${electionId}`)
    );
    await assertAccessible(page, 'console-12-dashboard-cy');
    // The manifest names the nominations, so the record needs them to verify (V1.3).
    await page.setInputFiles(
      '#nominations-file',
      file('nominations.json', new TextDecoder().decode(nominations.bytes))
    );
    await page.locator('#nominations-file-hint', { hasText: 'nominations.json' }).waitFor();
    await keyboardPress(page, 'publish-nominations');
    await statusSays(page, cc['nominations.done'].split('{')[0] ?? '');
    // The first press only warns and asks for the reason; focus goes to the reason.
    await keyboardPress(page, 'cancel-start', 'Space');
    await page.locator('#cancel-warning', { hasText: cc['cancel.warning'] }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cancel-reason');
    await capture(page, 'console-12-cancel-warning-cy');
    // No reason: refused in words, nothing posted.
    await keyboardPress(page, 'cancel-confirm');
    await page.locator('.error-summary', { hasText: cc['error.cancelReason'] }).waitFor();
    await capture(page, 'console-13-cancel-no-reason-cy');
    // "No, keep the election" goes back, and the election is not cancelled.
    await keyboardPress(page, 'cancel-back');
    await page.locator('#cancel-warning').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cancel-start');
    await page.locator('#stage', { hasText: cc['stage.setup'] }).waitFor();
    const reason = 'Two trustees withdrew before the ceremony; it cannot reach 3 of 5.';
    await page.keyboard.press('Enter');
    await page.locator('#cancel-warning').waitFor();
    await page.keyboard.type(reason);
    await keyboardPress(page, 'cancel-confirm');
    await page.locator('#cancelled', { hasText: cc['cancel.cancelled'] }).waitFor();
    await page.locator('#stage', { hasText: cc['stage.cancelled'] }).waitFor();
    assert.equal(await page.locator('#cancel-start').count(), 0);
    await capture(page, 'console-14-cancelled-cy');
    await page.click('#language-switch');
    await page.locator('#cancelled', { hasText: ce['cancel.cancelled'] }).waitFor();
    await assertAccessible(page, 'console-14-cancelled');
    assert.match(await page.locator('#audit-log').innerText(), /cancel/);
    await page.close();

    const record = await mkdtemp(join(tmpdir(), 'scrutineer-console-cancelled-'));
    await writeRecordBundle(server.database, electionId, record);
    const report = await verifyRecord(recordDirectory(record));
    assert.deepEqual(
      report.checks
        .filter((c) => c.status === 'failed')
        .map((c) => `${c.id}: ${c.failures.map((f) => f.message).join('; ')}`),
      []
    );
    assert.equal(report.ok, true);
    assert.equal(report.stage, 'cancelled');
    assert.equal(report.cancellation?.reason, reason);
  });

  test('whole election from the console: create, nominations, ceremony 3-of-5, open, booth votes, a replacement pack posted, postal intake and batch entry, close, the whole postal audit, tally with one trustee absent, publish; open, close, postal and the audit from the keyboard; the record verifies', async () => {
    const electionId = `w-${randomBytes(4).toString('hex')}`;
    // The trustees make their ceremony keys first, each in their own page: the manifest names
    // their public keys. Each keeps the key file the page downloads.
    const directory = await mkdtemp(join(tmpdir(), 'scrutineer-console-trustees-'));
    const trustees = await Promise.all([1, 2, 3, 4, 5].map(() => browser.newPage()));
    const trusteePage = (index: number): Page => {
      const found = trustees[index - 1];
      if (found === undefined) throw new Error(`no trustee ${index}`);
      return found;
    };
    const links = [1, 2, 3, 4, 5].map((i) => trusteeLink(server.url, electionId, i));
    const keys = [1, 2, 3, 4, 5].map((i) => join(directory, `trustee-${i}.json`));
    const entries: TrusteeEntry[] = [];
    for (const [i, page] of trustees.entries()) {
      const made = await generateKey(
        page,
        links[i] ?? '',
        `Trustee ${i + 1}`,
        keys[i] ?? '',
        join(directory, `trustee-${i + 1}.public.json`)
      );
      entries.push(JSON.parse(readFileSync(made.publicFile, 'utf8')) as TrusteeEntry);
    }
    const names = ['Alex Morgan', 'Sam Patel', 'Jo Evans'];
    const drafted = draftFor(electionId, entries, 6, names, true);
    const { nominations } = drafted;
    // The registrar's approval key for replacement packs (spec §9.2.7).
    const approver = randomScalar();
    const draft = {
      ...drafted.draft,
      replacements: {
        approverKey: bytesToHex(group.encodePoint(group.multiplyBase(approver))),
        limit: 5,
        stopsBeforeClose: 3600,
      },
    };
    // Voters 0–2 vote online; 3 and 4 return their packs by post; 0 also posts one back; 5 loses
    // their pack and is sent a replacement.
    const voters = makeVoters(electionId, 6);
    const slip = (i: number) =>
      encodeReturnSlip({
        credential: voters[i]?.credential ?? '',
        returnSecret: voters[i]?.postalReturn.secret ?? '',
      });
    const page = await browser.newPage();

    // Create, from the form: the console makes the officer's key in the page.
    await page.goto(`${server.url}/console`);
    await heading(page, ce['console.title']);
    await page.fill('#operator-key', OPERATOR_KEY);
    await page.setInputFiles('#manifest-file', file('manifest.json', JSON.stringify(draft)));
    await page.locator('#manifest-file-hint', { hasText: 'manifest.json' }).waitFor();
    await page.click('#create');
    await heading(page, ce['create.keyTitle']);
    const officerKey = await page.locator('#new-officer-key').innerText();
    assert.match(officerKey, /^[A-Za-z0-9_-]{43}$/);
    await capture(page, 'console-05-created');
    await page.click('#go-to-election');
    await heading(page, `Election ${electionId}`);
    await page.locator('#trustees').waitFor();
    await capture(page, 'console-06-dashboard-setup');

    // The roll audit, in the page as `scrutineer roll audit --manifest` runs it: this election has
    // no ballot styles, so a roll with a category column is a finding (spec §13.1.1).
    const roll = buildRoll(
      {
        header: ['id', 'name', 'address', 'postcode', 'dob', 'joined', 'status', 'Category'],
        rows: ['M1', 'M2'].map((id, i) => ({
          row: i + 2,
          cells: [
            id,
            `Member ${id}`,
            `${i + 1} High Street, Leeds`,
            'LS1 4AP',
            '1970-01-05',
            '2020-01-01',
            'active',
            'north',
          ],
        })),
      },
      { cutoff: null, statuses: ['active'], minimumAge: null, asOf: '2026-01-01' }
    );
    assert.ok(roll.ok);
    await page.setInputFiles('#roll-file', file('roll.json', JSON.stringify(roll.value)));
    await page.locator('#roll-file-hint', { hasText: 'roll.json' }).waitFor();
    await keyboardPress(page, 'audit-roll');
    await page.locator('#roll-terms', { hasText: '1 problem' }).waitFor();
    assert.match(
      await page.locator('#roll-findings').innerText(),
      /T0001\s+roll\/categories-not-in-manifest\s+M1, M2/
    );

    // Nominations: the document nominations close wrote, checked by the board against the manifest.
    await page.setInputFiles(
      '#nominations-file',
      file('nominations.json', new TextDecoder().decode(nominations.bytes))
    );
    await page.locator('#nominations-file-hint', { hasText: 'nominations.json' }).waitFor();
    await page.click('#publish-nominations');
    await statusSays(page, 'Nominations published');

    // The ceremony, watched trustee by trustee; then the officer concludes it.
    for (const [i, trustee] of trustees.entries())
      await deal(trustee, links[i] ?? '', keys[i] ?? '');
    const checked = await Promise.all(trustees.map((t) => checkShares(t)));
    for (const result of checked) assert.deepEqual(result.bad, []);
    await page.click('#refresh');
    await page
      .locator('#trustees tbody tr:nth-child(5) td:nth-child(4)', { hasText: ce['ceremony.yes'] })
      .waitFor();
    await capture(page, 'console-07-ceremony-dealt');
    await page.click('#publish-key');
    await statusSays(page, ce['ceremony.keyPublished']);
    await page.locator('#stage', { hasText: ce['stage.keyed'] }).waitFor();
    await Promise.all(trustees.map((t, i) => concludeCeremony(t, keys[i] ?? '')));

    // No trustee has rehearsed yet: opening warns and needs the officer's confirmation.
    await page.locator('#rehearsal-warning').waitFor();
    assert.equal(await page.isDisabled('#open'), true);
    await capture(page, 'console-08-rehearsal-warning');
    // Three rehearse (k, not k + 1): still a warning. Trustee 3 never rehearses.
    for (const i of [1, 2, 4])
      await rehearse(trusteePage(i), links[i - 1] ?? '', keys[i - 1] ?? '');
    await page.click('#refresh');
    await page
      .locator('#trustees tbody tr:nth-child(4) td:nth-child(6)', { hasText: ce['ceremony.yes'] })
      .waitFor();
    await page.locator('#rehearsal-warning', { hasText: 'Only 3 trustees' }).waitFor();
    await page.setInputFiles(
      '#answers-file',
      file('answers.json', await answersTable(electionId, voters))
    );
    await page.locator('#answers-file-hint', { hasText: 'answers.json' }).waitFor();
    // Keyboard only: Space ticks the confirmation, Enter opens.
    await keyboardPress(page, 'confirm-open', 'Space');
    await keyboardPress(page, 'open');
    await statusSays(page, 'Voting is open');
    await page.locator('#stage', { hasText: ce['stage.open'] }).waitFor();

    // Voters in the booth.
    for (const [i, voter] of voters.slice(0, 3).entries()) {
      const booth = await browser.newPage();
      await booth.goto(`${server.url}/elections/${electionId}`);
      await booth.click(`text=${en['landing.start']}`);
      await heading(booth, en['signIn.title']);
      await booth.fill('#code', voter.code);
      await booth.fill('#answer-dob', voter.answers.dob);
      await booth.fill('#answer-postcode', voter.answers.postcode);
      await booth.click('button[type=submit]');
      await heading(booth, en['ballot.title']);
      await booth.check(`label:has-text("${names[i === 2 ? 0 : i]}")`);
      await booth.click(`text=${en['ballot.continue']}`);
      await heading(booth, en['review.title']);
      await booth.click(`text=${en['review.encrypt']}`);
      await heading(booth, en['decide.title']);
      await booth.click(`text=${en['decide.cast']}`);
      await heading(booth, en['receipt.title']);
      await booth.close();
    }
    // Turnout by channel, live; no count of any kind before the result.
    await page.click('#refresh');
    await page.locator('#turnout tbody td:nth-child(1)', { hasText: '3' }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /Alex Morgan|Sam Patel|Jo Evans/);
    await capture(page, 'console-09-open-turnout');

    // A replacement pack for voter 5, as `packs replace` writes its request; the console posts it.
    const request = await replacementRequestFile(electionId, voters[5]?.credential ?? '', approver);
    await page.setInputFiles(
      '#replacement-file',
      file('other-request.json', JSON.stringify({ ...request, electionId: 'other-election' }))
    );
    await page.locator('#replacement-file-hint', { hasText: 'other-request.json' }).waitFor();
    await keyboardPress(page, 'post-replacement');
    await page
      .locator('.error-summary', { hasText: 'the request is for other-election' })
      .waitFor();
    await page.setInputFiles('#replacement-file', file('request.json', JSON.stringify(request)));
    await page.locator('#replacement-file-hint', { hasText: 'request.json' }).waitFor();
    await keyboardPress(page, 'post-replacement');
    await statusSays(page, 'Replacement posted');
    await capture(page, 'console-09-replacement-posted');

    // Postal intake, keyboard only: voter 3's slip typed (as a hand scanner types it) into tray-1.
    await keyboardType(page, 'postal-slip', slip(3));
    await keyboardType(page, 'postal-slip-batch', 'tray-1');
    await keyboardPress(page, 'receive-slip');
    await statusSays(page, 'Envelope recorded');
    await page.locator('#postal-received', { hasText: ': 1' }).waitFor();
    await capture(page, 'console-09a-postal-received');
    // The same pack again: refused in words, nothing changes.
    await keyboardType(page, 'postal-slip', slip(3));
    await keyboardPress(page, 'receive-slip');
    await page.locator('.error-summary', { hasText: ce['error.alreadyReceived'] }).waitFor();
    await capture(page, 'console-09b-postal-pack-twice');
    await keyboardType(page, 'postal-slip', 'RETURN2:not-a-slip');
    await keyboardPress(page, 'receive-slip');
    await page.locator('.error-summary', { hasText: ce['error.slip'] }).waitFor();
    // A scanning station's file: voter 4's envelope, and voter 0's (who voted online: refused).
    await page.setInputFiles(
      '#scanner-file',
      csv(
        'scanner.csv',
        `barcode,scanned_at,batch\n${slip(4)},2026-12-06T09:00:00Z,tray-1\n${slip(0)},2026-12-06T09:00:05Z,tray-1\n`
      )
    );
    await page.locator('#scanner-file-hint', { hasText: 'scanner.csv' }).waitFor();
    await keyboardPress(page, 'upload-scanner');
    await statusSays(page, '2 envelopes: 1 received, 0 already received (unchanged), 1 refused');
    await page.locator('.error-summary', { hasText: `Row 3: ${ce['error.usedOnline']}` }).waitFor();
    await page.locator('#postal-received', { hasText: ': 2' }).waitFor();
    // Envelopes per opening batch (the officer's read): voter 3's slip and voter 4's scan.
    await page.locator('#postal-envelopes tbody tr', { hasText: 'tray-1' }).waitFor();
    assert.match(await page.locator('#postal-envelopes').innerText(), /tray-1\s+2\b/);
    await capture(page, 'console-09c-scanner-refused-row');
    await page.click('#language-switch');
    await page.locator('#postal-received', { hasText: cc['postal.received'] }).waitFor();
    await assertAccessible(page, 'console-09c-cy');
    await page.click('#language-switch');
    await page.locator('#postal-received', { hasText: ce['postal.received'] }).waitFor();

    // Close, from the keyboard.
    await keyboardPress(page, 'close');
    await statusSays(page, ce['close.done']);
    // The status line is worded when shown, like the error summary: it follows a switch of language.
    await page.click('#language-switch');
    await statusSays(page, cc['close.done']);
    assert.equal(await page.locator('#console-status').innerText(), cc['close.done']);
    await page.click('#language-switch');
    await statusSays(page, ce['close.done']);
    assert.equal(await page.locator('#console-status').innerText(), ce['close.done']);
    await page.locator('#enter-batch').waitFor();

    // Batch entry: each bad batch is refused with its reason and posts nothing.
    const good = 'paper,choice\n1,Sam Patel\n2,Jo Evans\n';
    const refusals: [string, string, string, string][] = [
      ['tray-9', good, good, ce['error.unknownBatch']],
      ['tray-1', 'paper,choice\n1,Sam Patle\n2,Jo Evans\n', good, 'Sam Patle'],
      ['tray-1', 'paper,choice\n1,Sam Patel\n1,Jo Evans\n', good, 'paper 1 was already keyed'],
      ['tray-1', good, 'paper,choice\n1,Sam Patel\n2,Alex Morgan\n', 'Paper 2: the first operator'],
      ['tray-1', `${good}3,Jo Evans\n`, `${good}3,Jo Evans\n`, ce['error.morePapers']],
    ];
    for (const [n, [batch, first, second, words]] of refusals.entries()) {
      await enterBatch(page, batch, first, second, `r${n}`);
      await page.locator('.error-summary', { hasText: words }).waitFor();
      assert.equal(await page.locator('#postal-batches').count(), 0, words);
      if (n === 1) await capture(page, 'console-09d-unknown-candidate');
    }
    await enterBatch(page, 'tray-1', good, good.replace('Jo Evans', 'jo  evans'), 'ok');
    await statusSays(page, 'Batch tray-1 posted: 2 papers, 0 spoilt');
    await page.locator('#postal-batches tbody tr').waitFor();
    await capture(page, 'console-09e-batch-posted');
    await enterBatch(page, 'tray-1', good, good, 'again');
    await page.locator('.error-summary', { hasText: ce['error.duplicateBatch'] }).waitFor();
    assert.equal(await page.locator('#postal-batches tbody tr').count(), 1);
    // The summary is worded when shown: after a switch of language, its sentences follow.
    await page.click('#language-switch');
    await page.locator('.error-summary', { hasText: cc['error.duplicateBatch'] }).waitFor();
    await assertAccessible(page, 'console-09e-cy');
    await page.click('#language-switch');
    await page.locator('.error-summary', { hasText: ce['error.duplicateBatch'] }).waitFor();

    // The postal audit (spec §9.8), every step from the console and the keyboard, as `scrutineer
    // postal audit` takes it; the observer made their seed on their own machine (`audit seed`).
    const seed = randomBytes(32).toString('hex');
    await page.locator('#audit-none').waitFor();
    // Each step out of order, or typed wrong, is refused in words and posts nothing.
    await keyboardPress(page, 'start-audit');
    await page.locator('.error-summary', { hasText: ce['error.auditNoCommitment'] }).waitFor();
    await keyboardType(page, 'rla-commit-observer', 'Ann');
    await keyboardType(page, 'rla-commitment', 'not-hex');
    await keyboardPress(page, 'commit-seed');
    await page.locator('.error-summary', { hasText: ce['error.auditCommitment'] }).waitFor();
    assert.equal(await page.getAttribute('#rla-commitment', 'aria-invalid'), 'true');
    await keyboardType(page, 'rla-commitment', auditSeedCommitment('Ann', seed));
    await keyboardPress(page, 'commit-seed');
    await statusSays(page, 'Commitment of Ann posted.');
    await page.locator('#audit-observers tbody tr', { hasText: 'Ann' }).waitFor();
    await capture(page, 'console-09f-audit-committed');
    await assertAccessible(page, 'console-09f-audit-commit');
    await keyboardType(page, 'rla-risk-limit', '60');
    await keyboardPress(page, 'start-audit');
    await page.locator('.error-summary', { hasText: ce['error.riskLimit'] }).waitFor();
    await keyboardType(page, 'rla-risk-limit', '5');
    await keyboardPress(page, 'start-audit');
    await statusSays(page, 'The audit has started at a risk limit of 5 %.');
    // Drawing before the seed is posted is the board's refusal, in words.
    await keyboardPress(page, 'draw-sample');
    await page.locator('.error-summary', { hasText: ce['error.auditUnrevealed'] }).waitFor();
    await keyboardType(page, 'rla-reveal-observer', 'Ann');
    await keyboardType(page, 'rla-seed', randomBytes(32).toString('hex'));
    await keyboardPress(page, 'reveal-seed');
    await page.locator('.error-summary', { hasText: ce['error.auditSeedMismatch'] }).waitFor();
    await page.click('#language-switch');
    await page.locator('.error-summary', { hasText: cc['error.auditSeedMismatch'] }).waitFor();
    await assertAccessible(page, 'console-09f-audit-reveal-cy');
    await page.click('#language-switch');
    await keyboardType(page, 'rla-seed', seed);
    await keyboardPress(page, 'reveal-seed');
    await statusSays(page, 'Seed of Ann posted.');
    await keyboardPress(page, 'draw-sample');
    // One batch: the board may draw it, or go straight to a full hand count ("Round 1, …").
    await statusSays(page, 'Round 1');
    await page.locator('#audit-status', { hasText: 'tray-1' }).waitFor();
    await assertAccessible(page, 'console-09f-audit');
    const handCounts = nominations.ballot
      .map((c) => (c.name === 'Sam Patel' || c.name === 'Jo Evans' ? 1 : 0))
      .join(',');
    await keyboardType(page, 'audit-batch', 'tray-9');
    await keyboardType(page, 'audit-papers', '2');
    await keyboardType(page, 'audit-counts', handCounts);
    await keyboardPress(page, 'record-hand-count');
    await page.locator('.error-summary', { hasText: '“tray-9” is not a batch' }).waitFor();
    await keyboardType(page, 'audit-batch', 'tray-1');
    await keyboardPress(page, 'record-hand-count');
    await statusSays(page, 'Batch tray-1: hand count recorded.');
    await page.locator('#audit-nothing').waitFor();
    await page.click('#language-switch');
    await page.locator('#audit-nothing', { hasText: cc['rla.nothingPending'] }).waitFor();
    await assertAccessible(page, 'console-09f-audit-cy');
    await page.click('#language-switch');
    await page.locator('#end-audit').waitFor();
    await keyboardPress(page, 'end-audit');
    // One batch, drawn and counted: the board ends the audit with its outcome in words.
    await page.locator('#audit-status dd', { hasText: /^(Confirmed|Escalated)/ }).waitFor();
    const outcome = await page.locator('#audit-status').innerText();
    assert.ok(outcome.includes(ce['rla.confirmed']) || outcome.includes(ce['rla.handCounted']));
    assert.equal(await page.locator('#end-audit').count(), 0);
    await capture(page, 'console-09g-audit-ended');

    // Tally; trustees 1, 2, 4 and 5 decrypt, trustee 3 is absent.
    await page.click('#tally');
    await page.locator('#tally-checkpoint').waitFor();
    const checkpoint = await page.locator('#tally-checkpoint').innerText();
    for (const i of [1, 2, 4, 5])
      await postDecryptionShare(trusteePage(i), links[i - 1] ?? '', keys[i - 1] ?? '', checkpoint);
    await page.click('#refresh');
    await page.locator('#shares', { hasText: '4 decryption shares' }).waitFor();
    await page
      .locator('#trustees tbody tr:nth-child(3) td:nth-child(7)', { hasText: ce['ceremony.no'] })
      .waitFor();
    await capture(page, 'console-10-shares');
    await page.click('#publish-result');
    await statusSays(page, ce['tally.published']);
    await page.locator('#stage', { hasText: ce['stage.final'] }).waitFor();
    // The audit log shows every officer action.
    const log = await page.locator('#audit-log').innerText();
    for (const action of ['open', 'close', 'tally']) assert.match(log, new RegExp(action));
    await capture(page, 'console-11-published');
    await page.click('#language-switch');
    await heading(page, `Etholiad ${electionId}`);
    await assertAccessible(page, 'console-11-published-cy');
    await page.close();
    await Promise.all(trustees.map((t) => t.close()));

    const record = await mkdtemp(join(tmpdir(), 'scrutineer-console-record-'));
    await writeRecordBundle(server.database, electionId, record);
    const report = await verifyRecord(recordDirectory(record));
    assert.deepEqual(
      report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
      []
    );
    assert.equal(report.ok, true);
    const result = (await (
      await fetch(`${server.url}/api/elections/${electionId}/result`)
    ).json()) as EventBody<'election-result'>;
    // Online, voters 0 and 2 chose Alex Morgan, voter 1 Sam Patel (the ballot is in nominations'
    // order); by post, one paper each for Sam Patel and Jo Evans.
    const totals: Record<string, number> = {};
    (result.contests[0]?.options ?? []).forEach((o, i) => {
      totals[nominations.ballot[i]?.name ?? `option ${i}`] = o.total;
    });
    assert.deepEqual(totals, { 'Alex Morgan': 2, 'Sam Patel': 2, 'Jo Evans': 1 });
    assert.deepEqual(unexpectedProblems(browser), []);
  });
});
