/**
 * Browser tests of the member's own checks and of what keeps a member in the booth: a device
 * check finished on a second browser, Back and reload mid-vote, a whole vote in Welsh from a
 * translated manifest (spec §9.11), the next steps when a pack was used by someone else, and the
 * pages after the close. Debian Chromium via playwright-core against a real server; every state
 * is screenshot into test-artifacts/web/ and checked with axe-core (0 violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RollInclusion, commitRoll, encodeRollReference } from '@scrutineer/protocol';
import type { RunningServer } from '@scrutineer/server';
import { sharedWebBuild } from './support/shared-web-build.ts';
import { heading, signIn, toBallot } from './support/booth-steps.ts';
import { en } from '../src/i18n/messages-en.ts';
import { cy } from '../src/i18n/messages-cy.ts';
import { type TestBrowser, capture, launchBrowser, unexpectedProblems } from './support/browser.ts';
import {
  type FixtureElection,
  createFixtureElection,
  startFixtureServer,
  tallyAndPublish,
} from './support/election-fixture.ts';

let server: RunningServer;
let browser: TestBrowser;
let election: FixtureElection;
let welsh: FixtureElection;
/** An election whose manifest commits to a real roll (spec §9.2.5), and one member's pack entry. */
let rolled: FixtureElection;
let packReference: { memberId: string; reference: string };

const WELSH_NAMES: Readonly<Record<string, string>> = {
  'Alex Morgan (Treasurer)': 'Alex Morgan (Trysorydd)',
  'Sam Patel (Secretary)': 'Sam Patel (Ysgrifennydd)',
  'Jo Evans (Chair)': 'Jo Evans (Cadeirydd)',
};

/** Welsh for every member-facing text of the manifest, a contact and a colour (spec §9.11). */
function translated(draft: Record<string, unknown>): Record<string, unknown> {
  const contests = draft['contests'] as {
    title: string;
    candidates: { name: string }[];
  }[];
  return {
    ...draft,
    title: 'Leadership ballot',
    organisation: 'Example Party',
    translations: {
      cy: { title: 'Pleidlais arweinyddiaeth', organisation: 'Plaid Enghreifftiol' },
    },
    contact: {
      name: 'The returning officer',
      email: 'ro@example.org',
      phone: '029 2000 0000',
      translations: { cy: 'Y swyddog canlyniadau' },
    },
    colour: '#12569e',
    contests: contests.map((contest) => ({
      ...contest,
      translations: { cy: 'Arweinydd' },
      candidates: contest.candidates.map((candidate) => ({
        ...candidate,
        translations: { cy: WELSH_NAMES[candidate.name] ?? candidate.name },
      })),
    })),
  };
}

before(async () => {
  await sharedWebBuild();
  ({ server } = await startFixtureServer());
  election = await createFixtureElection(server, { voters: 4 });
  welsh = await createFixtureElection(server, {
    voters: 2,
    contests: [
      {
        id: 'leader',
        title: 'Leader',
        minSelections: 1,
        maxSelections: 1,
        candidates: Object.keys(WELSH_NAMES),
      },
    ],
    extend: translated,
  });
  const roll = commitRoll(['M-1001', 'M-1002']);
  const inclusion = roll.inclusions[1] as RollInclusion;
  packReference = {
    memberId: inclusion.memberId,
    reference: encodeRollReference(roll.commitment, inclusion),
  };
  rolled = await createFixtureElection(server, {
    voters: 2,
    extend: (draft) => ({ ...draft, roll: roll.commitment }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the member’s side in Chromium', () => {
  test('a device check is finished on a second device: the tracker page opens the ballot there', async () => {
    const page = await browser.newPage();
    const voter = election.voters[0];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    await page.check('label:has-text("Jo Evans")');
    await page.click(`text=${en['ballot.continue']}`);
    await page.click(`text=${en['review.encrypt']}`);
    await heading(page, en['decide.title']);
    const tracker = await page.locator('#tracker').innerText();
    await page.click(`text=${en['decide.check']}`);
    await heading(page, en['audit.title']);
    // The instructions name what the second device does: open this address (no CLI command).
    assert.doesNotMatch(await page.locator('main').innerText(), /scrutineer verify/);
    const address = await page.locator('#audit-link').innerText();
    assert.equal(new URL(address).hash, `#${tracker}`);
    assert.equal(new URL(address).search, '');
    await capture(page, 'm01-device-check-instructions');

    // The second device: another browser, nothing shared with the first but the address.
    const second = await launchBrowser();
    try {
      const phone = await second.newPage();
      await phone.goto(address);
      await heading(phone, en['tracker.title']);
      await phone.locator('#audit-check[data-state=ok]').waitFor({ timeout: 30_000 });
      assert.equal(await phone.locator('#audit-check').innerText(), en['tracker.auditOk']);
      assert.equal(await phone.locator('#audit-choices').innerText(), 'Leader\nJo Evans');
      assert.match(await phone.locator('#tracker-result').innerText(), /spoilt/);
      await capture(phone, 'm02-device-check-second-device');

      // The opening is checked there, not taken from the board: a vote changed in transit fails.
      await phone.route('**/api/elections/*/events/*', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { line: string };
        const event = JSON.parse(body.line) as {
          body: { contests: { selections: { vote: number }[] }[] };
        };
        for (const selection of event.body.contests[0]?.selections ?? [])
          selection.vote = 1 - selection.vote;
        await route.fulfill({ response, json: { ...body, line: JSON.stringify(event) } });
      });
      await phone.goto(`${address.split('#')[0]}?lang=cy#${tracker}`);
      await phone.locator('#audit-check[data-state=fault]').waitFor({ timeout: 30_000 });
      assert.equal(await phone.locator('#audit-check').innerText(), cy['tracker.auditFault']);
      await capture(phone, 'm03-device-check-tampered');
      assert.deepEqual(unexpectedProblems(second), []);
    } finally {
      await second.close();
    }
    await page.click(`button:has-text("${en['audit.again']}")`);
    await heading(page, en['decide.title']);
    await page.close();
  });

  test('Back and reload mid-vote keep the member in the booth; the code is never stored', async () => {
    const page = await browser.newPage();
    const voter = election.voters[1];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    await heading(page, en['signIn.title']);
    await page.goBack();
    await heading(page, election.manifest.title);
    await page.goForward();
    await heading(page, en['signIn.title']);
    await signIn(page, voter);
    await heading(page, en['ballot.title']);
    await page.check('label:has-text("Sam Patel")');
    await page.click(`text=${en['ballot.continue']}`);
    await heading(page, en['review.title']);
    await page.goBack();
    await heading(page, en['ballot.title']);
    assert.equal(await page.isChecked('label:has-text("Sam Patel")'), true, 'choice kept');
    // A reload keeps the place and the choices; the code was never stored, so it is asked again.
    await page.reload();
    await heading(page, en['signIn.title']);
    assert.equal(await page.locator('#resumed').innerText(), en['signIn.resumed']);
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    const bare = voter.code.replaceAll('-', '');
    assert.doesNotMatch(stored, new RegExp(`${voter.code}|${bare}`, 'i'), 'no code');
    assert.doesNotMatch(stored, new RegExp(voter.answers.postcode), 'no answers');
    assert.doesNotMatch(stored, /token/i, 'no session token');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await capture(page, 'm04-sign-in-after-reload');
    await signIn(page, voter);
    await heading(page, en['ballot.title']);
    assert.equal(await page.isChecked('label:has-text("Sam Patel")'), true, 'kept on reload');
    await page.click(`text=${en['ballot.continue']}`);
    await heading(page, en['review.title']);
    await page.reload();
    await heading(page, en['signIn.title']);
    await signIn(page, voter);
    await heading(page, en['review.title']);
    assert.match(await page.locator('.review').innerText(), /Sam Patel/);
    // The back link is the browser's Back.
    await page.click(`a.back-link`);
    await heading(page, en['ballot.title']);
    await page.click(`text=${en['ballot.continue']}`);
    await page.click(`text=${en['review.encrypt']}`);
    await heading(page, en['decide.title']);
    const tracker = await page.locator('#tracker').innerText();
    await page.click(`text=${en['decide.cast']}`);
    await heading(page, en['receipt.title']);
    assert.equal(await page.locator('#confirmation-panel h1').innerText(), en['receipt.title']);
    await page.goBack();
    await heading(page, en['receipt.title']);
    await page.reload();
    await heading(page, en['receipt.title']);
    assert.equal(await page.locator('#receipt-tracker').innerText(), tracker);
    const kept = await page.evaluate(() => JSON.stringify(sessionStorage));
    assert.doesNotMatch(kept, /token|Sam Patel/i, 'after the cast only the receipt is kept');
    await capture(page, 'm05-receipt-after-reload');
    await page.close();
  });

  test('a whole vote in Welsh from the manifest’s translations: no English on the ballot', async () => {
    const page = await browser.newPage();
    const voter = welsh.voters[0];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${welsh.electionId}?lang=cy`);
    await heading(page, 'Pleidlais arweinyddiaeth');
    assert.equal(await page.locator('.brand').innerText(), 'Plaid Enghreifftiol');
    assert.match(await page.locator('#contact').innerText(), /Y swyddog canlyniadau/);
    await capture(page, 'm06-welsh-landing');
    await page.click(`text=${cy['landing.start']}`);
    await heading(page, cy['signIn.title']);
    await signIn(page, voter, cy['signIn.submit']);
    await heading(page, cy['ballot.title']);
    const english = [
      'Leadership ballot',
      'Example Party',
      'Leader',
      'Treasurer',
      'Secretary',
      'Chair',
      ...Object.values(en).filter(
        (text) => text.length > 3 && !Object.values(cy).includes(text) && !text.includes('{')
      ),
    ];
    const shown = await page.locator('body').innerText();
    assert.deepEqual(
      english.filter((text) => shown.includes(text)),
      [],
      'English text on the Welsh ballot'
    );
    assert.match(shown, /Arweinydd/);
    await capture(page, 'm07-welsh-ballot');
    await page.click(`text=${cy['ballot.continue']}`);
    await page
      .locator('.error-summary', {
        hasText: cy['ballot.selectOne'].replace('{contest}', 'Arweinydd'),
      })
      .waitFor();
    await page.check('label:has-text("Jo Evans (Cadeirydd)")');
    await page.click(`text=${cy['ballot.continue']}`);
    await heading(page, cy['review.title']);
    assert.match(await page.locator('.review').innerText(), /Arweinydd\s+Jo Evans \(Cadeirydd\)/);
    await page.click(`text=${cy['review.encrypt']}`);
    await heading(page, cy['decide.title']);
    await page.click(`text=${cy['decide.cast']}`);
    await heading(page, cy['receipt.title']);
    await capture(page, 'm08-welsh-receipt');
    await page.close();
  });

  test('"You have already voted" says what to do when it was not them', async () => {
    const page = await browser.newPage();
    const voter = welsh.voters[0];
    assert.ok(voter);
    await page.goto(`${server.url}/elections/${welsh.electionId}`);
    await page.click(`text=${en['landing.start']}`);
    await signIn(page, voter);
    await heading(page, en['voted.title']);
    const advice = await page.locator('#not-me').innerText();
    assert.match(advice, new RegExp(en['notMe.title'].replace('?', '\\?')));
    assert.ok(advice.includes(en['notMe.post']), 'a postal vote counts instead');
    assert.ok(advice.includes(en['notMe.officer']));
    assert.ok(advice.includes(en['notMe.receipt']), 'the signed receipt is evidence');
    assert.match(await page.locator('#contact').innerText(), /ro@example\.org/);
    await capture(page, 'm09-not-me');
    await page.close();
  });

  test('after the close no page offers voting; the tracker says counted once the tally has it', async () => {
    const page = await browser.newPage();
    const voter = election.voters[2];
    assert.ok(voter);
    await toBallot(page, server, election, voter);
    await page.check('label:has-text("Alex Morgan")');
    await page.click(`text=${en['ballot.continue']}`);
    await page.click(`text=${en['review.encrypt']}`);
    await page.click(`text=${en['decide.cast']}`);
    await heading(page, en['receipt.title']);
    const tracker = await page.locator('#receipt-tracker').innerText();
    await page.goto(`${server.url}/elections/${election.electionId}/tracker#${tracker}`);
    await page.locator('#tracker-result', { hasText: en['tracker.toCount'] }).waitFor();

    await tallyAndPublish(server, election);
    const offersVoting = async (): Promise<void> => {
      assert.equal(await page.locator(`text=${en['landing.start']}`).count(), 0);
      assert.equal(await page.locator(`a:has-text("${en['app.footerBooth']}")`).count(), 0);
    };
    await page.goto(`${server.url}/elections/${election.electionId}`);
    await page.locator('#stage-status', { hasText: en['landing.counted'] }).waitFor();
    await page.locator(`a:has-text("${en['app.footerStart']}")`).waitFor();
    await offersVoting();
    assert.match(await page.locator('.facts').innerText(), new RegExp(en['landing.closed.label']));
    await capture(page, 'm10-start-page-counted');
    for (const path of ['pack', 'tracker', 'turnout', 'result', 'board']) {
      await page.goto(`${server.url}/elections/${election.electionId}/${path}`);
      await page.locator(`a:has-text("${en['app.footerStart']}")`).waitFor();
      await offersVoting();
    }
    // The home page lists every election; this one's links no longer offer voting.
    await page.goto(`${server.url}/`);
    const item = page.locator('.election-list > li', {
      has: page.locator(`#election-${election.electionId}`),
    });
    await item.waitFor();
    assert.equal(await item.locator(`a:has-text("${en['app.footerBooth']}")`).count(), 0);
    assert.equal(await item.locator(`a:has-text("${en['app.footerStart']}")`).count(), 1);
    // "Was my pack used?" still answers after the close, with no "Start voting".
    await page.goto(`${server.url}/elections/${election.electionId}/pack`);
    await page.click(`text=${en['pack.start']}`);
    await signIn(page, voter);
    await page.locator('.notice', { hasText: en['voted.online'] }).waitFor();
    await offersVoting();
    await capture(page, 'm11-pack-after-close');
    await page.goto(`${server.url}/elections/${election.electionId}/tracker#${tracker}`);
    await page.locator('#tracker-result', { hasText: en['tracker.counted'] }).waitFor();
    await capture(page, 'm12-tracker-counted');
    await page.close();
  });

  test('a roll check from the pack’s reference, checked on the device', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/elections/${rolled.electionId}/roll`);
    await heading(page, en['roll.title']);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.click(`button:has-text("${en['roll.submit']}")`);
    await page.locator('.error-summary', { hasText: en['roll.memberEmpty'] }).waitFor();
    await capture(page, 'm13-roll-errors');
    await page.fill('#roll-member', packReference.memberId);
    await page.fill('#roll-reference', packReference.reference);
    await page.click(`button:has-text("${en['roll.submit']}")`);
    await page.locator('#roll-result[data-state=counted]').waitFor();
    assert.equal(
      await page.locator('#roll-result').innerText(),
      en['roll.counted']
        .replace('{index}', String(Number(packReference.reference.split(':')[2]) + 1))
        .replace('{count}', '2')
    );
    await capture(page, 'm14-roll-counted');
    // Another member's number with this reference, or another election's roll: not counted.
    await page.fill('#roll-member', 'M-1001');
    await page.click(`button:has-text("${en['roll.submit']}")`);
    await page.locator('#roll-result[data-state=not-included]').waitFor();
    await capture(page, 'm15-roll-not-included');
    await page.goto(`${server.url}/elections/${election.electionId}/roll`);
    await page.fill('#roll-member', packReference.memberId);
    await page.fill('#roll-reference', packReference.reference);
    await page.click(`button:has-text("${en['roll.submit']}")`);
    await page.locator('#roll-result[data-state=other-roll]').waitFor();
    // Nothing typed left the device.
    assert.deepEqual(
      requests.filter((url) => url.includes(packReference.memberId) || url.includes('ROLL1')),
      []
    );
    await page.close();
  });

  test('/favicon.ico is served', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/x-icon');
    assert.deepEqual([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)], [0, 0, 1, 0]);
  });

  test('no console errors or CSP violations in any page', () => {
    assert.deepEqual(unexpectedProblems(browser), []);
  });
});
