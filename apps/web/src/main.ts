/**
 * @module The web app's entry: reads the page from the path (`/elections/<id>`, `…/tracker`,
 * `…/pack`, `…/turnout`, `…/result`, `…/board`, `…/verify`), loads and checks the election, and renders the
 * page into the shell (skip link, language switch, main landmark, footer links). Nothing secret
 * enters the URL; language is the only query parameter.
 */
import { api } from './api.ts';
import { Booth } from './booth/booth.ts';
import { initialState } from './booth/booth-state.ts';
import { boothView } from './booth/booth-views.ts';
import { type Child, h, replace } from './dom.ts';
import { type CheckedElection, ElectionCheckError, loadCheckedElection } from './election-check.ts';
import type { Manifest } from '@scrutineer/record';
import { electionText, language, setLanguage, t } from './i18n/i18n.ts';
import { pageLink } from './links.ts';
import { stageOf } from './booth/booth-state.ts';
import {
  lookUpTracker,
  newTrackerPageState,
  trackerPage,
  turnoutPage,
} from './pages/public-pages.ts';
import { startBoardPage } from './board/board-controller.ts';
import { resultPage } from './pages/result-page.ts';
import { newRollPageState, rollPage } from './pages/roll-page.ts';
import { homePage } from './pages/home-page.ts';
import { startVerifyPage } from './pages/verify-controller.ts';
import { CONSOLE_PATH, startConsolePage } from './console/console-page.ts';
import { CryptoWorker } from './worker-client.ts';
import { startTrusteePage } from './trustee/start-trustee-page.ts';

type Page = 'booth' | 'pack' | 'tracker' | 'turnout' | 'result' | 'board' | 'verify' | 'roll';

const match =
  /^\/elections\/([a-z0-9][a-z0-9-]{2,63})(?:\/(tracker|pack|turnout|result|board|verify|roll))?\/?$/.exec(
    location.pathname
  );
const electionId = match?.[1] ?? null;
const page: Page = (match?.[2] as Page | undefined) ?? 'booth';

const initial = new URLSearchParams(location.search).get('lang');
setLanguage(
  initial === 'cy' || (initial === null && navigator.language.startsWith('cy')) ? 'cy' : 'en'
);

const main = h('main', { id: 'main', tabindex: '-1' });
const switcher = h('button', { type: 'button', class: 'link-button', id: 'language-switch' });
let renderContent: () => Child[] = () => [h('h1', {}, t('app.loading'))];

function render(focus: boolean): void {
  switcher.textContent = t('app.switchTo');
  switcher.title = t('app.switchToLabel');
  switcher.lang = language() === 'en' ? 'cy' : 'en';
  // A redraw that does not move focus keeps it where it was (by id, or on the heading), rather
  // than dropping it to the page when the focused element is replaced.
  const active = document.activeElement;
  const kept = active instanceof HTMLElement && main.contains(active) ? active : null;
  replace(main, ...renderContent());
  const heading = main.querySelector('h1')?.textContent ?? t('app.name');
  document.title = `${heading} — ${t('app.name')}`;
  renderFooter();
  if (!focus) return restoreFocus(kept);
  const alert = main.querySelector<HTMLElement>('.error-summary, [role="alert"][tabindex]');
  const target = alert ?? main.querySelector<HTMLElement>('h1');
  if (target === null) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

function restoreFocus(previous: HTMLElement | null): void {
  if (previous === null || previous.isConnected) return;
  const target =
    previous.id === ''
      ? previous.tagName === 'H1'
        ? main.querySelector<HTMLElement>('h1')
        : null
      : document.getElementById(previous.id);
  if (target === null) return;
  if (target.tagName === 'H1') target.tabIndex = -1;
  target.focus();
}

switcher.addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'cy' : 'en');
  // Keep the voter's place: same state, same step; focus stays on the switch.
  render(false);
  switcher.focus();
});

const footer = h('footer', { class: 'site-footer' });
function renderFooter(): void {
  if (electionId === null) return replace(footer);
  const links: [string, string, Page][] = [
    [`/elections/${electionId}`, t(votingOpen ? 'app.footerBooth' : 'app.footerStart'), 'booth'],
    [`/elections/${electionId}/tracker`, t('app.footerTracker'), 'tracker'],
    [`/elections/${electionId}/pack`, t('app.footerPack'), 'pack'],
    [`/elections/${electionId}/roll`, t('app.footerRoll'), 'roll'],
    [`/elections/${electionId}/turnout`, t('app.footerTurnout'), 'turnout'],
    [`/elections/${electionId}/result`, t('app.footerResult'), 'result'],
    [`/elections/${electionId}/board`, t('app.footerBoard'), 'board'],
    [`/elections/${electionId}/verify`, t('app.footerVerify'), 'verify'],
  ];
  const suffix = language() === 'cy' ? '?lang=cy' : '';
  replace(
    footer,
    h(
      'nav',
      { 'aria-label': t('app.name') },
      h(
        'ul',
        {},
        ...links.map(([href, label, target]) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: href + suffix, 'aria-current': target === page ? 'page' : undefined },
              label
            )
          )
        )
      )
    )
  );
}

const skip = h('a', { href: '#main', class: 'skip-link' });
skip.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
const brand = h('p', { class: 'brand' });
const header = h('header', { class: 'site-header' }, brand, switcher);
/** The organisation's name and colour from the manifest (spec §9.11), once it is read. */
let branding: Manifest | null = null;
/** Whether the election takes votes now; until the summary is read, the footer says "booth". */
let votingOpen = true;
function renderBrand(): void {
  if (branding === null || electionId === null) return replace(brand, h('span', {}, t('app.name')));
  replace(
    brand,
    h(
      'a',
      { href: pageLink(electionId, null), class: 'brand-link' },
      electionText(branding, 'organisation')
    )
  );
  // CSSOM, not a style attribute: the page CSP forbids inline styles, not this.
  if (branding.colour !== undefined) header.style.borderBottomColor = branding.colour;
}
document.body.append(skip, header, main, footer);
function renderSkip(): void {
  skip.textContent = t('app.skip');
  renderBrand();
}
const renderWithChrome = (focus: boolean): void => {
  renderSkip();
  render(focus);
};

async function start(): Promise<void> {
  renderWithChrome(false);
  if (CONSOLE_PATH.test(location.pathname)) {
    renderContent = startConsolePage(location.pathname, renderWithChrome);
    return;
  }
  const trustee = /^\/trustee\/([a-z0-9][a-z0-9-]{2,63})\/([1-9][0-9]?)\/?$/.exec(
    location.pathname
  );
  if (trustee !== null) {
    renderContent = startTrusteePage(trustee[1] as string, Number(trustee[2]), renderWithChrome);
    return;
  }
  if (electionId === null && location.pathname === '/') {
    const list = await api.elections().catch(() => null);
    renderContent = () => homePage(list);
    return renderWithChrome(true);
  }
  if (electionId === null) {
    renderContent = () => [h('h1', {}, t('app.notFound')), h('p', {}, t('app.notFoundText'))];
    return renderWithChrome(true);
  }
  void Promise.all([api.manifest(electionId), api.summary(electionId)])
    .then(([manifest, summary]) => {
      branding = manifest;
      // Every page knows the stage: once voting is over, no link offers it.
      votingOpen = stageOf(summary.stage, manifest.window.closes) === 'open';
      renderBrand();
      renderFooter();
    })
    .catch(() => undefined);
  if (page === 'tracker') {
    const state = newTrackerPageState();
    renderContent = () => trackerPage(electionId, state, renderWithChrome);
    renderWithChrome(true);
    // A link from the booth's device check carries the tracker in the fragment (never sent).
    const fragment = location.hash.slice(1);
    if (/^[0-9a-f]{64}$/.test(fragment)) {
      state.query = fragment;
      lookUpTracker(electionId, state, renderWithChrome);
    }
    return;
  }
  if (page === 'roll') {
    // The manifest the board's setup events carry and the summary's hash names (spec §9.3.1).
    const manifest = await loadCheckedElection(electionId).then(
      (checked) => checked.manifest,
      () => null
    );
    const state = newRollPageState();
    renderContent = () => rollPage(manifest, state, renderWithChrome);
    return renderWithChrome(true);
  }
  if (page === 'turnout') {
    const [turnout, hourly] = await Promise.all([
      api.turnout(electionId).catch(() => null),
      api.hourlyTurnout(electionId).catch(() => null),
    ]);
    renderContent = () => turnoutPage(turnout, hourly);
    return renderWithChrome(true);
  }
  if (page === 'board') {
    renderContent = startBoardPage(electionId, renderWithChrome);
    return;
  }
  if (page === 'verify') {
    renderContent = startVerifyPage(electionId, renderWithChrome);
    return renderWithChrome(true);
  }
  if (page === 'result') {
    const [manifest, result, declaration] = await Promise.all([
      api.manifest(electionId).catch(() => null),
      api.result(electionId).catch(() => null),
      api.declaration(electionId).catch(() => null),
    ]);
    renderContent = () =>
      manifest === null
        ? [h('h1', {}, t('app.name')), h('p', { class: 'notice error' }, t('app.loadFailed'))]
        : resultPage(electionId, manifest, result, declaration);
    return renderWithChrome(true);
  }
  let election: CheckedElection;
  try {
    election = await loadCheckedElection(electionId);
  } catch (error) {
    const key =
      error instanceof ElectionCheckError
        ? error.reason === 'key-not-from-ceremony'
          ? 'app.keyNotFromCeremony'
          : 'app.checkFailed'
        : 'app.loadFailed';
    renderContent = () => [h('h1', {}, t('app.name')), h('p', { class: 'notice error' }, t(key))];
    return renderWithChrome(true);
  }
  const booth = new Booth(
    initialState(election, page === 'pack' ? 'pack' : 'vote'),
    new CryptoWorker(),
    renderWithChrome
  );
  booth.restore();
  addEventListener('popstate', (event: PopStateEvent) => {
    const state: unknown = event.state;
    booth.back(
      typeof state === 'object' && state !== null && 'booth' in state ? state.booth : null
    );
  });
  renderContent = () => boothView(booth);
  renderWithChrome(true);
}

void start();
