/**
 * @module The console's pages: sign-in and create (no election signed in), and the election's
 * dashboard, one section per stage of the election (nominations, roll audit, ceremony and
 * rehearsal, credentials and opening, turnout, postal intake, close, tally and result, audit log).
 * Built with the app's element builder (text only, never HTML) and the booth's styles.
 */
import { type Child, button, errorSummary, h } from '../dom.ts';
import { language } from '../i18n/i18n.ts';
import type { ConsoleController } from './console-controller.ts';
import { rehearsalShortfall, trusteeProgress } from './console-board.ts';
import { cancelSection, packsSection, postalSection } from './console-postal-views.ts';
import { type ConsoleKey, ct } from './i18n/console-i18n.ts';
import { fileField, form, section, submit, table, textField, yesNo } from './console-elements.ts';
import { contestsSection } from './contests-section.ts';
import type { RollAuditReport } from '@scrutineer/protocol';

const suffix = (): string => (language() === 'cy' ? '?lang=cy' : '');

export function summary(c: ConsoleController): Child {
  return c.state.errors.length === 0 ? null : errorSummary(ct('error.title'), c.state.errors);
}

export function status(c: ConsoleController): HTMLElement {
  return h('p', { role: 'status', class: 'status', id: 'console-status' }, c.state.message.text);
}

/** `/console`: sign in to an election, or create one. */
export function signInPage(c: ConsoleController): Child[] {
  if (c.state.created !== null) return createdPage(c);
  return [
    h('h1', {}, ct('console.title')),
    summary(c),
    h('p', { class: 'lead' }, ct('console.intro')),
    h('h2', {}, ct('signIn.title')),
    form(
      () => void c.signIn(),
      c.state.electionId === ''
        ? textField(c, 'election', ct('signIn.election'), { hint: ct('signIn.electionHint') })
        : h('p', {}, ct('dash.title', { election: c.state.electionId })),
      fileField(c, 'key-file', 'key', ct('signIn.keyFile'), ct('signIn.keyFileHint')),
      textField(c, 'key', ct('signIn.keyText'), { type: 'password', autocomplete: 'off' }),
      submit(c, ct('signIn.submit'), 'sign-in')
    ),
    status(c),
    c.state.electionId === '' ? createForm(c) : null,
  ];
}

function createForm(c: ConsoleController): HTMLElement {
  return h(
    'section',
    { class: 'aside' },
    h('h2', { id: 'create-title' }, ct('create.title')),
    h('p', {}, ct('create.intro')),
    form(
      () => void c.create(),
      textField(c, 'operator-key', ct('create.operatorKey'), { type: 'password' }),
      fileField(c, 'manifest-file', 'manifest', ct('create.manifestFile')),
      textField(c, 'manifest', ct('create.manifestText'), { multiline: true }),
      submit(c, ct('create.submit'), 'create')
    )
  );
}

function createdPage(c: ConsoleController): Child[] {
  const created = c.state.created;
  if (created === null) return [];
  const blob = new Blob([`${created.key}\n`], { type: 'text/plain' });
  return [
    h('h1', {}, ct('create.keyTitle')),
    h('p', { class: 'notice ok', role: 'status' }, c.state.message.text),
    h('p', {}, ct('create.keyText')),
    h('p', {}, h('code', { class: 'hex', id: 'new-officer-key' }, created.key)),
    h(
      'p',
      {},
      h(
        'a',
        {
          href: URL.createObjectURL(blob),
          download: `${created.electionId}-officer.key`,
          id: 'download-key',
        },
        ct('create.download')
      )
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/console/${created.electionId}${suffix()}`, id: 'go-to-election' },
        ct('create.continue')
      )
    ),
  ];
}

/** The findings as `scrutineer roll audit` writes them: the audit's, then categories and weights'. */
function rollReport(report: RollAuditReport | null): Child[] {
  if (report === null) return [];
  const rows = [
    ...report.findings.map((f) => [f.id, f.rule, f.memberIds.join(', '), f.evidence]),
    ...report.terms.map((t) => [t.id, t.code, t.memberIds.join(', '), t.message]),
  ];
  return [
    report.terms.length === 0
      ? h('p', { id: 'roll-terms' }, ct('roll.termsOk'))
      : h(
          'p',
          { id: 'roll-terms', class: 'notice' },
          ct('roll.termsProblems', { count: report.terms.length })
        ),
    rows.length === 0
      ? h('p', { class: 'notice ok' }, ct('roll.none'))
      : table(
          ct('roll.title'),
          [ct('roll.finding'), ct('roll.rule'), ct('roll.members'), ct('roll.evidence')],
          rows,
          'roll-findings'
        ),
  ];
}

/** `/console/<election>` once signed in. */
export function dashboardPage(c: ConsoleController): Child[] {
  const officer = c.state.officer;
  const board = c.state.board;
  if (officer === null) return signInPage(c);
  const heading = h('h1', {}, ct('dash.title', { election: officer.electionId }));
  if (board === null) return [heading, summary(c), h('p', {}, ct('working.busy')), status(c)];
  const { manifest, stage, events } = board;
  const progress = trusteeProgress(manifest, events);
  const shortfall = rehearsalShortfall(manifest, progress);
  const stageKey = `stage.${stage}` as ConsoleKey;
  const k = manifest.trustees.threshold;
  const shares = progress.filter((p) => p.decrypted).length;
  return [
    heading,
    summary(c),
    h('p', {}, ct('signIn.signedIn', { election: manifest.title })),
    h('p', { id: 'stage' }, h('strong', {}, `${ct('dash.stage')}: `), ct(stageKey)),
    h(
      'p',
      {},
      button(ct('dash.refresh'), () => void c.refresh(false), {
        class: 'secondary',
        id: 'refresh',
      }),
      button(ct('signIn.signOut'), () => c.signOut(), { class: 'secondary', id: 'sign-out' })
    ),
    status(c),
    section(
      'nominations-title',
      ct('nominations.title'),
      h('p', {}, ct('nominations.text')),
      form(
        () => void c.publishNominations(),
        fileField(c, 'nominations-file', 'nominations', ct('nominations.file')),
        submit(c, ct('nominations.submit'), 'publish-nominations')
      )
    ),
    section(
      'roll-title',
      ct('roll.title'),
      h('p', {}, ct('roll.text')),
      form(
        () => c.auditRoll(),
        fileField(c, 'roll-file', 'roll', ct('roll.file')),
        submit(c, ct('roll.submit'), 'audit-roll')
      ),
      ...rollReport(c.state.roll)
    ),
    section(
      'ceremony-title',
      ct('ceremony.title'),
      h('p', {}, ct('ceremony.threshold', { k, n: manifest.trustees.members.length })),
      table(
        ct('ceremony.title'),
        [
          ct('ceremony.trustee'),
          ct('ceremony.name'),
          ct('ceremony.committed'),
          ct('ceremony.dealt'),
          ct('ceremony.complaints'),
          ct('ceremony.rehearsed'),
          ct('ceremony.decrypted'),
        ],
        progress.map((p) => [
          String(p.index),
          p.name,
          yesNo(p.committed),
          yesNo(p.dealt),
          String(p.complaints),
          yesNo(p.rehearsed),
          yesNo(p.decrypted),
        ]),
        'trustees'
      ),
      stage === 'setup'
        ? button(ct('ceremony.publishKey'), () => void c.publishKey(), {
            class: 'primary',
            id: 'publish-key',
            disabled: c.state.busy,
          })
        : null
    ),
    section(
      'credentials-title',
      ct('credentials.title'),
      shortfall === null
        ? null
        : h(
            'p',
            { class: 'notice error', id: 'rehearsal-warning' },
            ct('rehearsal.warning', shortfall)
          ),
      h('p', {}, ct('credentials.text')),
      board.fingerprint === null ? null : h('p', { class: 'fingerprint' }, board.fingerprint),
      form(
        () => void c.open(),
        fileField(c, 'answers-file', 'answers', ct('credentials.file')),
        shortfall === null ? null : confirmOpen(c),
        h(
          'button',
          {
            type: 'submit',
            class: 'primary',
            id: 'open',
            disabled: c.state.busy || (shortfall !== null && !c.state.confirmOpen),
          },
          ct('credentials.open')
        )
      )
    ),
    stage === 'cancelled'
      ? h('p', { class: 'notice error', id: 'cancelled' }, ct('cancel.cancelled'))
      : null,
    packsSection(c),
    turnoutSection(c),
    contestsSection(board),
    postalSection(c),
    section(
      'close-title',
      ct('close.title'),
      button(ct('close.submit'), () => void c.close(), {
        class: 'primary',
        id: 'close',
        disabled: c.state.busy,
      })
    ),
    section(
      'tally-title',
      ct('tally.title'),
      board.checkpoint === null
        ? null
        : h(
            'p',
            { class: 'hex', id: 'tally-checkpoint' },
            `${board.checkpoint.size}:${board.checkpoint.root}`
          ),
      h('p', { id: 'shares' }, ct('tally.shares', { received: shares, needed: k })),
      button(ct('tally.start'), () => void c.tally(), {
        class: 'primary',
        id: 'tally',
        disabled: c.state.busy,
      }),
      button(ct('tally.publish'), () => void c.publishResult(), {
        class: 'primary',
        id: 'publish-result',
        disabled: c.state.busy || shares < k,
      }),
      h(
        'p',
        { class: 'inline-links' },
        h('a', { href: `/elections/${officer.electionId}/result${suffix()}` }, ct('tally.links')),
        ' · ',
        h('a', { href: `/elections/${officer.electionId}/verify${suffix()}` }, ct('tally.verify'))
      )
    ),
    cancelSection(c),
    auditSection(c),
    h(
      'p',
      { class: 'hint' },
      ct('dash.updated', { time: board.readAt.toISOString().slice(11, 19) })
    ),
  ];
}

function confirmOpen(c: ConsoleController): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'confirm-open', checked: c.state.confirmOpen });
  box.addEventListener('change', () => {
    c.setConfirmOpen(box.checked);
    const open = document.getElementById('open');
    if (open instanceof HTMLButtonElement) open.disabled = !box.checked;
  });
  return h(
    'div',
    { class: 'choice' },
    box,
    h('label', { for: 'confirm-open' }, ct('credentials.confirmOpen'))
  );
}

function turnoutSection(c: ConsoleController): HTMLElement | null {
  const board = c.state.board;
  if (board === null) return null;
  const { turnout, hourly } = board;
  return section(
    'turnout-title',
    ct('turnout.title'),
    h('p', { class: 'hint' }, ct('turnout.note')),
    table(
      ct('turnout.title'),
      [ct('turnout.online'), ct('turnout.postal'), ct('turnout.total'), ct('turnout.eligible')],
      [
        [
          String(turnout.online),
          String(turnout.postal),
          String(turnout.total),
          String(turnout.eligible ?? '—'),
        ],
      ],
      'turnout'
    ),
    hourly.hours.length === 0
      ? null
      : table(
          ct('turnout.byHour'),
          [ct('turnout.hour'), ct('turnout.online'), ct('turnout.postal')],
          hourly.hours.map((hour) => [hour.hour, String(hour.online), String(hour.postal)]),
          'hourly'
        )
  );
}

function auditSection(c: ConsoleController): HTMLElement | null {
  const board = c.state.board;
  if (board === null) return null;
  return section(
    'audit-title',
    ct('audit.title'),
    board.auditLog.length === 0
      ? h('p', {}, ct('audit.empty'))
      : table(
          ct('audit.title'),
          [ct('audit.when'), ct('audit.who'), ct('audit.action'), ct('audit.detail')],
          [...board.auditLog]
            .reverse()
            .map((e) => [e.at, e.actor, e.action, JSON.stringify(e.detail)]),
          'audit-log'
        )
  );
}
