/**
 * @module The public pages: find a ballot by its tracker, and turnout (counts by channel only,
 * never per candidate, while voting is open).
 */
import { ApiError, type HourlyTurnout, type TrackerReport, type Turnout, api } from '../api.ts';
import { turnoutOverTime } from './turnout-chart.ts';
import { type Child, errorSummary, h } from '../dom.ts';
import { candidateName, contestTitle, formatTime, t } from '../i18n/i18n.ts';
import type { AuditedCheck } from './audited-check.ts';
import { trackerForm } from '../tracker-form.ts';
import { rankingInWords } from '../ranking-words.ts';
import { isRankedContest } from '@scrutineer/record';

export interface TrackerPageState {
  query: string;
  error: 'tracker.invalid' | null;
  outcome: TrackerReport | 'not-found' | 'failed' | null;
  /** The election's board stage, to say "counted" once the tally includes a cast ballot. */
  stage: string | null;
  /** The device check of an audited ballot, done here (spec §9.4, V5.10). */
  audit: AuditedCheck | 'checking' | 'failed' | null;
}

export function newTrackerPageState(): TrackerPageState {
  return { query: '', error: null, outcome: null, stage: null, audit: null };
}

/** Looks the tracker up; an audited ballot is then checked on this device. */
export function lookUpTracker(
  electionId: string,
  state: TrackerPageState,
  rerender: (focus: boolean) => void
): void {
  const tracker = state.query.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(tracker)) {
    state.error = 'tracker.invalid';
    state.outcome = null;
    state.audit = null;
    return rerender(true);
  }
  state.error = null;
  state.audit = null;
  Promise.all([
    api.tracker(electionId, tracker),
    api.summary(electionId).then(
      (summary) => summary.stage,
      () => null
    ),
  ]).then(
    ([report, stage]) => {
      state.outcome = report;
      state.stage = stage;
      if (report.kind === 'audited') {
        state.audit = 'checking';
        import('./audited-check.ts')
          .then(({ checkAuditedBallot }) =>
            checkAuditedBallot(electionId, report.tracker, report.position)
          )
          .then(
            (check) => (state.audit = check),
            () => (state.audit = 'failed')
          )
          .finally(() => rerender(false));
      }
      rerender(false);
    },
    (error: unknown) => {
      state.outcome = error instanceof ApiError && error.status === 404 ? 'not-found' : 'failed';
      rerender(false);
    }
  );
}

function auditView(audit: TrackerPageState['audit']): Child[] {
  if (audit === null) return [];
  if (audit === 'checking')
    return [h('p', { role: 'status', id: 'audit-check' }, t('tracker.auditChecking'))];
  if (audit === 'failed')
    return [
      h(
        'p',
        { role: 'status', id: 'audit-check', class: 'notice error' },
        t('tracker.auditFailed')
      ),
    ];
  const { choices } = audit;
  return [
    h('h2', {}, t('tracker.auditTitle')),
    h(
      'p',
      {
        id: 'audit-check',
        class: audit.opensCorrectly ? 'notice ok' : 'notice error',
        'data-state': audit.opensCorrectly ? 'ok' : 'fault',
      },
      audit.opensCorrectly ? t('tracker.auditOk') : t('tracker.auditFault')
    ),
    h(
      'dl',
      { class: 'review', id: 'audit-choices' },
      // Paired by contest id (audited-choices.ts): a styled ballot holds only its style's contests.
      ...choices.flatMap(({ contest, chosen }) => {
        const indexes = chosen ?? [];
        if (isRankedContest(contest))
          return [
            h('dt', {}, contestTitle(contest)),
            h('dd', {}, rankingInWords(contest, indexes)),
          ];
        const names = indexes.map((j) => {
          const candidate = contest.candidates[j];
          return candidate === undefined ? String(j + 1) : candidateName(candidate);
        });
        return [
          h('dt', {}, contestTitle(contest)),
          h('dd', {}, names.length > 0 ? names.join(', ') : t('review.none')),
        ];
      })
    ),
    audit.opensCorrectly && h('p', {}, t('tracker.auditCompare')),
    h('p', {}, audit.opensCorrectly ? t('tracker.auditMismatch') : t('tracker.auditReport')),
  ];
}

function outcomeText(state: TrackerPageState): string {
  const outcome = state.outcome;
  if (outcome === 'not-found') return t('tracker.notFound');
  if (outcome === 'failed') return t('app.loadFailed');
  if (outcome === null) return '';
  const parameters = { position: outcome.position, time: formatTime(outcome.time) };
  if (outcome.kind === 'audited') return t('tracker.audited', parameters);
  if (outcome.superseded) return `${t('tracker.cast', parameters)} ${t('tracker.superseded')}`;
  const counted = state.stage === 'tallied' || state.stage === 'final';
  return `${t('tracker.cast', parameters)} ${counted ? t('tracker.counted') : t('tracker.toCount')}`;
}

export function trackerPage(
  electionId: string,
  state: TrackerPageState,
  rerender: (focus: boolean) => void
): Child[] {
  const form = trackerForm({
    ids: { input: 'tracker-input', hint: 'tracker-hint', error: 'tracker-input-error' },
    name: 'tracker',
    hint: t('tracker.hint'),
    error: state.error && t(state.error),
    value: state.query,
    onInput: (value) => (state.query = value),
    submitLabel: t('tracker.submit'),
    submitClass: 'primary',
    onSubmit: () => lookUpTracker(electionId, state, rerender),
  });
  return [
    h('h1', {}, t('tracker.title')),
    state.error
      ? errorSummary(t('app.errorSummary'), [{ text: t(state.error), target: 'tracker-input' }])
      : '',
    h('p', {}, t('tracker.intro')),
    form,
    h('p', { role: 'status', id: 'tracker-result', class: 'status' }, outcomeText(state)),
    ...auditView(state.audit),
  ];
}

export function turnoutPage(turnout: Turnout | null, hourly: HourlyTurnout | null): Child[] {
  if (turnout === null) return [h('h1', {}, t('turnout.title')), h('p', {}, t('app.loadFailed'))];
  const row = (label: string, value: number | null): HTMLElement =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      h('td', {}, value === null ? '—' : String(value))
    );
  return [
    h('h1', {}, t('turnout.title')),
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        row(t('turnout.online'), turnout.online),
        row(t('turnout.postal'), turnout.postal),
        row(t('turnout.total'), turnout.total),
        row(t('turnout.eligible'), turnout.eligible)
      )
    ),
    ...turnoutOverTime(hourly),
    h('p', { class: 'hint' }, t('turnout.note')),
  ];
}
