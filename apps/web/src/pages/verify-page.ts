/**
 * @module The in-browser verifier page: on request it runs `@scrutineer/verifier` on the
 * published record in a Web Worker (verify/verifier-worker.ts), shows progress in a live region
 * updated in place, then the outcome, every numbered check (V1.1–V9.3 of
 * docs/spec/verification.md) with its status and first failures, and the result the checks
 * recomputed, and the faults the protocol attributed to one trustee and absorbed. The verifier's
 * failure and fault messages are technical English and shown as such.
 */
import type { AttributedFault, CheckResult } from '@scrutineer/verifier';
import { type Child, button, h } from '../dom.ts';
import { type MessageKey, electionText, t } from '../i18n/i18n.ts';
import type { VerifyMessage } from '../verify/verifier-protocol.ts';
import { resultSections } from './result-page.ts';

export interface VerifyPageState {
  phase: 'idle' | 'running' | 'done' | 'error';
  /** The board's size when verification started (for the progress bar). */
  size: number;
  events: number;
  ballotsVerified: number;
  outcome: Extract<VerifyMessage, { type: 'done' }> | null;
  error: Extract<VerifyMessage, { type: 'error' }>['code'] | null;
}

export function initialVerifyState(): VerifyPageState {
  return { phase: 'idle', size: 0, events: 0, ballotsVerified: 0, outcome: null, error: null };
}

/** The checks whose passing confirms the result (tally, decryption, result: spec §9.7–§9.9). */
const TALLY_CHECKS = /^V[789]\./;

const STATUS: Record<CheckResult['status'], MessageKey> = {
  passed: 'verify.statusPassed',
  failed: 'verify.statusFailed',
  'not-reached': 'verify.statusNotReached',
};

function progressText(state: VerifyPageState): string {
  return t('verify.progress', {
    events: Math.min(state.events, state.size),
    size: state.size,
    ballots: state.ballotsVerified,
  });
}

/** Updates the progress bar and text in place, so the live region is not re-created each time. */
export function updateVerifyProgress(state: VerifyPageState): void {
  const bar = document.getElementById('verify-progress');
  const text = document.getElementById('verify-progress-text');
  if (bar instanceof HTMLProgressElement) bar.value = Math.min(state.events, state.size);
  if (text !== null) text.textContent = progressText(state);
}

function checkRow(check: CheckResult): HTMLElement {
  const failures =
    check.failures.length === 0
      ? null
      : h(
          'ul',
          { class: 'failures', lang: 'en' },
          ...check.failures.map((failure) =>
            h(
              'li',
              {},
              failure.position === undefined
                ? null
                : h('span', {}, t('verify.failureAt', { position: failure.position }), ' '),
              failure.message
            )
          )
        );
  return h(
    'tr',
    { id: `check-${check.id}`, 'data-status': check.status },
    h('th', { scope: 'row' }, check.id),
    h('td', {}, t(`check.${check.id}` as MessageKey), failures),
    h('td', { class: `status-${check.status}` }, t(STATUS[check.status])),
    h('td', {}, String(check.checked))
  );
}

/** One attributed fault: check, trustee, the spec's code and where (docs/spec/verification.md). */
function faultItem(fault: AttributedFault): HTMLElement {
  return h(
    'li',
    { 'data-check': fault.check, 'data-trustee': String(fault.party.trustee) },
    h('strong', {}, `${fault.check} · ${t('verify.faultParty', { trustee: fault.party.trustee })}`),
    ' ',
    h('code', {}, fault.code),
    fault.position === undefined
      ? null
      : h('span', {}, ' ', t('verify.failureAt', { position: fault.position })),
    ' ',
    h('span', { lang: 'en' }, fault.message)
  );
}

/** The faults the protocol absorbed; nothing when there are none. */
function faultsView(faults: readonly AttributedFault[]): Child[] {
  if (faults.length === 0) return [];
  return [
    h(
      'section',
      { 'aria-labelledby': 'verify-faults', id: 'verify-faults-section' },
      h('h2', { id: 'verify-faults' }, t('verify.faultsTitle')),
      h('p', {}, t('verify.faultsIntro')),
      h('ul', { class: 'faults' }, ...faults.map(faultItem))
    ),
  ];
}

function outcomeView(outcome: NonNullable<VerifyPageState['outcome']>, again: () => void): Child[] {
  const { report, manifest, result } = outcome;
  const failed = report.checks.filter((c) => c.status === 'failed');
  const tallyConfirmed = report.checks
    .filter((c) => TALLY_CHECKS.test(c.id))
    .every((c) => c.status === 'passed');
  let tally: Child[];
  if (report.cancellation !== undefined)
    tally = [
      h('p', { class: 'notice' }, t('verify.cancelled', { reason: report.cancellation.reason })),
    ];
  else if (result === null || manifest === null) tally = [h('p', {}, t('verify.noTally'))];
  // A result is shown as verified only under a record that verifies as a whole.
  else if (!report.ok) tally = [h('p', { class: 'notice error' }, t('verify.tallyNotShown'))];
  else if (!tallyConfirmed)
    tally = [h('p', { class: 'notice error' }, t('verify.tallyUnconfirmed'))];
  else
    tally = [
      h('p', {}, electionText(manifest, 'title')),
      ...resultSections(manifest, result, 'h3'),
    ];
  return [
    h(
      'h2',
      {
        id: 'verify-outcome',
        tabindex: '-1',
        class: `notice ${report.ok ? 'ok' : 'error'}`,
        'data-ok': String(report.ok),
        // Which group backend ran (spec §2.9), for the benchmark and for anyone comparing.
        'data-backend': outcome.backend,
      },
      report.ok ? t('verify.passed') : t('verify.failed', { count: failed.length })
    ),
    h(
      'p',
      {},
      t('verify.what', { events: report.events }),
      ' ',
      h('span', { class: 'hex' }, report.headHash ?? '')
    ),
    h(
      'section',
      { 'aria-labelledby': 'verify-tally' },
      h(
        'h2',
        { id: 'verify-tally' },
        report.ok ? t('verify.tallyTitle') : t('verify.tallyUnverifiedTitle')
      ),
      ...tally
    ),
    ...faultsView(report.faults),
    h(
      'section',
      { 'aria-labelledby': 'verify-checks' },
      h('h2', { id: 'verify-checks' }, t('verify.checksTitle')),
      h(
        'div',
        {
          class: 'table-scroll',
          tabindex: '0',
          role: 'region',
          'aria-label': t('verify.checksCaption'),
        },
        h(
          'table',
          { class: 'checks' },
          h('caption', { class: 'hint' }, t('verify.checksCaption')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('verify.check')),
              h('th', { scope: 'col' }, t('verify.description')),
              h('th', { scope: 'col' }, t('verify.outcome')),
              h('th', { scope: 'col' }, t('verify.items'))
            )
          ),
          h('tbody', {}, ...report.checks.map(checkRow))
        )
      )
    ),
    h('div', { class: 'actions' }, button(t('verify.again'), again)),
  ];
}

export function verifyPage(state: VerifyPageState, start: () => void): Child[] {
  const intro: Child[] = [h('h1', {}, t('verify.title')), h('p', {}, t('verify.intro'))];
  switch (state.phase) {
    case 'idle':
      return [...intro, h('div', { class: 'actions' }, button(t('verify.start'), start))];
    case 'running':
      return [
        ...intro,
        h('h2', { id: 'verify-running', tabindex: '-1' }, t('verify.running')),
        h('progress', {
          id: 'verify-progress',
          max: String(Math.max(1, state.size)),
          value: String(Math.min(state.events, state.size)),
          'aria-labelledby': 'verify-running',
        }),
        h('p', { id: 'verify-progress-text', role: 'status' }, progressText(state)),
      ];
    case 'error':
      return [
        ...intro,
        h(
          'p',
          { class: 'notice error', role: 'alert', tabindex: '-1' },
          t(state.error === 'verify/download-failed' ? 'verify.downloadFailed' : 'verify.crashed')
        ),
        h('div', { class: 'actions' }, button(t('verify.again'), start)),
      ];
    case 'done':
      return state.outcome === null ? intro : [...intro, ...outcomeView(state.outcome, start)];
  }
}
