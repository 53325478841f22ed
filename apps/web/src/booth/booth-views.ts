/**
 * @module What each booth step shows. Every step opens with an h1 (focused on arrival), errors
 * come as a focused summary linked to their fields, and progress is announced in a live region.
 */
import { type Child, backLink, button, h } from '../dom.ts';
import {
  type MessageKey,
  candidateName,
  contestTitle,
  electionText,
  formatTime,
  questionLabel,
  t,
} from '../i18n/i18n.ts';
import type { Booth } from './booth.ts';
import { type FieldError, electionStage, onBallot } from './booth-state.ts';
import { rankedFieldset } from './ranking-view.ts';
import { rankingInWords } from '../ranking-words.ts';
import { isRankedContest } from '@scrutineer/record';
import { pageLink } from '../links.ts';
import { fieldErrors, summaryOf, text } from './field-errors.ts';
import { auditedView, receiptView } from './receipt-views.ts';
import { contactView, signInView, usedReport } from './sign-in-views.ts';

function landing(booth: Booth): Child[] {
  const { manifest, keys } = booth.state.election;
  const pack = booth.state.mode === 'pack';
  const questions = manifest.securityQuestions.map(questionLabel).join(', ');
  const stage = electionStage(booth.state.election);
  const status =
    stage === 'open'
      ? null
      : stage === 'closed'
        ? t('landing.closed')
        : stage === 'counted'
          ? t('landing.counted')
          : stage === 'keyed'
            ? t('landing.notOpen', { opens: formatTime(manifest.window.opens) })
            : t('landing.setup');
  const ended = stage === 'closed' || stage === 'counted';
  // "Was my pack used?" is a check, not a vote: it stays open after the close (sign-in is).
  const offer = pack ? stage !== 'setup' : status === null;
  return [
    h('h1', {}, pack ? t('pack.title') : electionText(manifest, 'title')),
    h('p', { class: 'lead' }, pack ? t('pack.intro') : electionText(manifest, 'organisation')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('landing.opens')),
      h('dd', {}, formatTime(manifest.window.opens)),
      h('dt', {}, ended ? t('landing.closed.label') : t('landing.closes')),
      h('dd', {}, formatTime(manifest.window.closes)),
      keys && h('dt', {}, t('landing.fingerprint')),
      keys &&
        h('dd', { class: 'fingerprint', 'aria-describedby': 'fingerprint-help' }, keys.fingerprint)
    ),
    keys && h('p', { id: 'fingerprint-help', class: 'hint' }, t('landing.fingerprintHelp')),
    status !== null && h('p', { class: 'notice', role: 'status', id: 'stage-status' }, status),
    offer && h('p', {}, t('landing.needs', { questions })),
    offer &&
      button(pack ? t('pack.start') : t('landing.start'), () => booth.start(), {
        class: 'primary',
      }),
    stage === 'counted' &&
      h(
        'p',
        {},
        h('a', { href: pageLink(manifest.electionId, 'result') }, t('landing.resultLink'))
      ),
    contactView(manifest),
    !pack &&
      !ended &&
      h(
        'section',
        { 'aria-labelledby': 'post-title', class: 'aside' },
        h('h2', { id: 'post-title' }, t('landing.postTitle')),
        h('p', {}, t('landing.postText')),
        manifest.policy === 'first-ballot-final' && h('p', {}, t('landing.firstCounts'))
      ),
  ];
}

function contestRule(min: number, max: number): string {
  if (min === 1 && max === 1) return t('ballot.chooseOne');
  if (min === max) return t('ballot.chooseExactly', { count: max });
  if (min === 0) return t('ballot.chooseUpTo', { max });
  return t('ballot.chooseBetween', { min, max });
}

function ballot(booth: Booth, errors: readonly FieldError[]): Child[] {
  const { manifest } = booth.state.election;
  const form = h('form', { novalidate: true });
  manifest.contests.forEach((contest, c) => {
    // Spec §13.2: only the contests of this member's ballot style.
    if (!onBallot(booth.state, c)) return;
    if (isRankedContest(contest))
      return form.append(
        rankedFieldset(contest, c, booth.state.rankingEntries[c] ?? [], errors, (j, value) =>
          booth.typeRank(c, j, value)
        )
      );
    const single = contest.minSelections === 1 && contest.maxSelections === 1;
    const target = `contest-${c}`;
    const fieldset = h(
      'fieldset',
      { id: target, tabindex: '-1', 'aria-describedby': `${target}-rule` },
      h('legend', {}, h('h2', {}, contestTitle(contest))),
      h(
        'p',
        { id: `${target}-rule`, class: 'hint' },
        contestRule(contest.minSelections, contest.maxSelections)
      ),
      fieldErrors(errors, target) ?? ''
    );
    contest.candidates.forEach((candidate, j) => {
      const id = `${target}-${j}`;
      const input = h('input', {
        id,
        type: single ? 'radio' : 'checkbox',
        name: target,
        value: String(j),
        checked: booth.state.choices[c]?.includes(j) ?? false,
      });
      input.addEventListener('change', () => booth.toggle(c, j, single));
      fieldset.append(
        h('div', { class: 'choice' }, input, h('label', { for: id }, candidateName(candidate)))
      );
    });
    form.append(fieldset);
  });
  form.append(h('button', { type: 'submit', class: 'primary' }, t('ballot.continue')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    booth.review();
  });
  return [backLink(t('nav.back')), h('h1', {}, t('ballot.title')), summaryOf(errors) ?? '', form];
}

function review(booth: Booth): Child[] {
  const { manifest } = booth.state.election;
  const list = h('dl', { class: 'review' });
  manifest.contests.forEach((contest, c) => {
    if (!onBallot(booth.state, c)) return;
    if (isRankedContest(contest))
      return list.append(
        h('dt', {}, contestTitle(contest)),
        h('dd', {}, rankingInWords(contest, booth.state.choices[c] ?? []))
      );
    const names = (booth.state.choices[c] ?? []).map((j) => {
      const candidate = contest.candidates[j];
      return candidate === undefined ? '' : candidateName(candidate);
    });
    list.append(
      h('dt', {}, contestTitle(contest)),
      h('dd', {}, names.length ? names.join(', ') : t('review.none'))
    );
  });
  return [
    backLink(t('nav.back')),
    h('h1', {}, t('review.title')),
    list,
    h('p', {}, t('review.explain')),
    h(
      'div',
      { class: 'actions' },
      button(t('review.encrypt'), () => void booth.encrypt(), { class: 'primary' }),
      button(t('review.change'), () => booth.go({ kind: 'ballot', errors: [] }), {
        class: 'secondary',
      })
    ),
  ];
}

function encrypting(
  booth: Booth,
  stage: 'checking' | 'encrypting' | 'failed',
  message: MessageKey | undefined
): Child[] {
  if (stage === 'failed')
    return [
      h('h1', {}, t('encrypting.title')),
      h(
        'p',
        { role: 'alert', class: 'notice error', id: 'encrypt-error' },
        t(message ?? 'encrypting.failed')
      ),
      // A refused key stays refused: trying again would only ask the same server.
      message === undefined &&
        button(t('audit.again'), () => void booth.encrypt(), { class: 'primary' }),
    ];
  return [
    h('h1', {}, t('encrypting.title')),
    h('progress', {
      'aria-labelledby': 'encrypt-status',
      max: '2',
      value: stage === 'checking' ? '1' : '2',
    }),
    h(
      'p',
      { id: 'encrypt-status', role: 'status' },
      stage === 'checking' ? t('encrypting.checking') : t('encrypting.encrypting')
    ),
  ];
}

function decide(booth: Booth, busy: boolean, error: FieldError | undefined): Child[] {
  const encrypted = booth.state.encrypted;
  return [
    h('h1', {}, t('decide.title')),
    error
      ? h(
          'p',
          { role: 'alert', class: 'notice error', tabindex: '-1', id: 'decide-error' },
          text(error)
        )
      : '',
    h('p', { role: 'status' }, encrypted ? t('encrypting.done') : busy ? t('decide.casting') : ''),
    error?.key === 'decide.sessionExpired' &&
      button(t('signIn.submit'), () => booth.start(), { class: 'primary' }),
    encrypted &&
      h(
        'div',
        { class: 'tracker-box' },
        h('h2', {}, t('decide.tracker')),
        h(
          'p',
          {
            class: 'tracker',
            id: 'tracker',
            'data-encryption-ms': encrypted.milliseconds.toFixed(2),
            'data-preparation-ms': encrypted.preparationMilliseconds.toFixed(2),
          },
          encrypted.tracker
        ),
        h('p', { class: 'hint' }, t('decide.trackerHelp'))
      ),
    encrypted &&
      h(
        'div',
        { class: 'choices-two' },
        h(
          'div',
          {},
          button(t('decide.cast'), () => void booth.cast(), {
            class: 'primary',
            disabled: busy,
            'aria-describedby': 'cast-help',
          }),
          h('p', { id: 'cast-help', class: 'hint' }, t('decide.castHelp'))
        ),
        h(
          'div',
          {},
          button(t('decide.check'), () => void booth.checkDevice(), {
            class: 'secondary',
            disabled: busy,
            'aria-describedby': 'check-help check-privacy',
          }),
          h('p', { id: 'check-help', class: 'hint' }, t('decide.checkHelp')),
          // What a device check reveals, and to whom: said before the member chooses it.
          h('p', { id: 'check-privacy', class: 'hint' }, t('decide.checkPrivacy'))
        )
      ),
  ];
}

/** The content of the booth's current step. */
export function boothView(booth: Booth): Child[] {
  const step = booth.state.step;
  switch (step.kind) {
    case 'landing':
      return landing(booth);
    case 'sign-in':
      return signInView(booth, step.errors, step.busy, step.resumed === true);
    case 'voted':
      return usedReport(booth, 'voted');
    case 'pack':
      return usedReport(booth, 'pack');
    case 'ballot':
      return ballot(booth, step.errors);
    case 'review':
      return review(booth);
    case 'encrypting':
      return encrypting(booth, step.stage, step.message);
    case 'decide':
      return decide(booth, step.busy, step.error);
    case 'audited':
      return auditedView(booth, step.audited, step.receipt);
    case 'receipt':
      return receiptView(
        booth.state.election.manifest,
        step.receipt,
        step.signatureValid,
        booth.state.election.keys?.fingerprint ?? null
      );
    case 'stopped':
      return [h('h1', {}, t('app.name')), h('p', { class: 'notice' }, t(step.message))];
  }
}
