/**
 * @module The sign-in step (code with check-character feedback, security answers) and the
 * "already voted" / "was my pack used?" reports shown after signing in.
 */
import { type Child, backLink, button, h } from '../dom.ts';
import type { Manifest } from '@scrutineer/record';
import { language, questionLabel, t } from '../i18n/i18n.ts';
import type { Booth } from './booth.ts';
import { type FieldError, electionStage } from './booth-state.ts';
import { fieldErrors, summaryOf } from './field-errors.ts';

export function signInView(
  booth: Booth,
  errors: readonly FieldError[],
  busy: boolean,
  resumed: boolean
): Child[] {
  const { manifest } = booth.state.election;
  const form = h('form', { novalidate: true, 'aria-busy': busy ? 'true' : 'false' });
  const described = (id: string, hint: string): string =>
    errors.some((e) => e.target === id) ? `${hint} ${id}-error` : hint;
  const code = h('input', {
    id: 'code',
    name: 'code',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    class: 'code-input',
    'aria-describedby': described('code', 'code-hint'),
    'aria-invalid': errors.some((e) => e.target === 'code') ? 'true' : undefined,
  });
  code.value = booth.state.code;
  code.addEventListener('input', () => {
    booth.state.code = code.value;
    booth.codeFromQr = false;
  });
  form.append(
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'code' }, t('signIn.code')),
      h('p', { id: 'code-hint', class: 'hint' }, t('signIn.codeHint')),
      fieldErrors(errors, 'code') ?? '',
      code,
      booth.codeFromQr && h('p', { class: 'hint', id: 'code-scanned' }, t('scan.read')),
      ...scanView(booth)
    )
  );
  if (manifest.securityQuestions.length > 0)
    form.append(h('p', { class: 'hint', id: 'answers-hint' }, t('signIn.answersHint')));
  for (const question of manifest.securityQuestions) {
    const id = `answer-${question.id}`;
    const input = h('input', {
      id,
      name: id,
      type: 'text',
      autocomplete: 'off',
      'aria-describedby': described(id, 'answers-hint'),
      'aria-invalid': errors.some((e) => e.target === id) ? 'true' : undefined,
    });
    input.value = booth.state.answers[question.id] ?? '';
    input.addEventListener('input', () => (booth.state.answers[question.id] = input.value));
    form.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, questionLabel(question)),
        fieldErrors(errors, id) ?? '',
        input
      )
    );
  }
  form.append(
    h('button', { type: 'submit', class: 'primary', disabled: busy }, t('signIn.submit'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void booth.signIn();
  });
  return [
    backLink(t('nav.back')),
    h('h1', {}, booth.state.mode === 'pack' ? t('pack.title') : t('signIn.title')),
    resumed && h('p', { class: 'notice', id: 'resumed' }, t('signIn.resumed')),
    summaryOf(errors) ?? '',
    form,
    h('p', { role: 'status', class: 'status' }, busy ? t('signIn.working') : ''),
  ];
}

/** The QR code aid: a toggle, and when open the camera view, a photo picker and a status. */
function scanView(booth: Booth): Child[] {
  const { state } = booth.qr;
  const open = state.kind === 'open';
  const toggle = button(
    t(open ? 'scan.stop' : 'scan.start'),
    () => {
      if (open) booth.qr.close();
      else void booth.qr.open();
    },
    {
      id: 'scan-toggle',
      class: 'secondary scan-toggle',
      'aria-expanded': String(open),
      'aria-controls': 'scan-panel',
    }
  );
  if (!open) return [toggle];
  const photo = h('input', { id: 'scan-photo', type: 'file', accept: 'image/*' });
  photo.addEventListener('change', () => {
    const file = photo.files?.[0];
    if (file !== undefined) void booth.qr.readPhoto(file);
  });
  // The video is a visual aid only (hidden from assistive technology); the help text and the
  // status say everything it shows.
  booth.qr.video.setAttribute('aria-hidden', 'true');
  return [
    toggle,
    h(
      'div',
      { id: 'scan-panel', class: 'scan-panel' },
      h('p', { class: 'hint', id: 'scan-help' }, t('scan.help')),
      state.message === 'scan.noCamera' ? null : booth.qr.video,
      h('label', { for: 'scan-photo' }, t('scan.photo')),
      photo,
      h('p', { id: 'scan-status', role: 'status' }, state.message === null ? '' : t(state.message))
    ),
  ];
}

export function usedReport(booth: Booth, kind: 'voted' | 'pack'): Child[] {
  const step = booth.state.step;
  if (step.kind !== 'voted' && step.kind !== 'pack') return [];
  const { report } = step;
  const online = report.ballots[report.ballots.length - 1];
  return [
    h('h1', {}, kind === 'voted' ? t('voted.title') : t('pack.title')),
    h(
      'p',
      { class: 'notice' },
      report.channel === 'online'
        ? t('voted.online')
        : report.channel === 'postal'
          ? t('voted.postal')
          : t('pack.unused')
    ),
    online === undefined
      ? ''
      : h('p', { class: 'tracker' }, t('voted.tracker', { tracker: online.tracker })),
    kind === 'voted' && booth.state.election.manifest.policy === 'first-ballot-final'
      ? h('p', {}, t('voted.final'))
      : '',
    report.locked ? h('p', {}, t('pack.lockedNote')) : '',
    report.channel === 'online' && notMe(booth),
    contactView(booth.state.election.manifest),
  ];
}

/**
 * What a member whose pack was used by someone else can do (spec §9.7.1: a postal return counts
 * instead of every online ballot of its credential; a used pack cannot be replaced, §9.7.2).
 */
function notMe(booth: Booth): Child {
  const { manifest } = booth.state.election;
  const open = electionStage(booth.state.election) === 'open';
  return h(
    'section',
    { 'aria-labelledby': 'not-me-title', class: 'aside', id: 'not-me' },
    h('h2', { id: 'not-me-title' }, t('notMe.title')),
    open && h('p', {}, t('notMe.intro')),
    h(
      'ul',
      {},
      open && manifest.channels.postal && h('li', {}, t('notMe.post')),
      open && manifest.policy === 'last-ballot-counts' && h('li', {}, t('notMe.again')),
      h('li', {}, t('notMe.officer')),
      h('li', {}, t('notMe.receipt'))
    )
  );
}

/** The returning officer's contact details from the manifest (spec §9.11), when it gives them. */
export function contactView(manifest: Manifest): Child {
  const contact = manifest.contact;
  if (contact === undefined) return null;
  const name = contact.translations?.[language()] ?? contact.name;
  return h(
    'section',
    { 'aria-labelledby': 'contact-title', class: 'aside', id: 'contact' },
    h('h2', { id: 'contact-title' }, t('contact.title')),
    h('p', {}, t('contact.intro', { name })),
    h(
      'dl',
      { class: 'facts' },
      contact.email !== undefined && h('dt', {}, t('contact.email')),
      contact.email !== undefined &&
        h('dd', {}, h('a', { href: `mailto:${contact.email}` }, contact.email)),
      contact.phone !== undefined && h('dt', {}, t('contact.phone')),
      contact.phone !== undefined &&
        h('dd', {}, h('a', { href: `tel:${contact.phone.replace(/[^0-9+]/g, '')}` }, contact.phone))
    )
  );
}
