/**
 * @module The postal audit's part of the console's postal section (spec §9.8): its public status
 * and observers and, between the close and the tally, the form for each step the audit is ready
 * for — commitments and the start, then seeds and the first draw, then each drawn batch's hand
 * count, another round (or a full hand count) and the end. Each form is one request of
 * `scrutineer postal audit`; the board refuses a step out of order, so the forms follow its phase.
 */
import { type Child, h } from '../dom.ts';
import type { AuditStatus } from '@scrutineer/record';
import type { ConsoleController } from './console-controller.ts';
import { auditBegun, auditRows } from './console-audit.ts';
import { checkbox, form, submit, table, textField, yesNo } from './console-elements.ts';
import { ct } from './i18n/console-i18n.ts';

export function auditPart(c: ConsoleController): Child[] {
  const board = c.state.board;
  const audit = board?.audit ?? null;
  if (board === null || audit === null) return [];
  const closed = board.stage === 'closed';
  return [
    h('h3', { id: 'rla-title' }, ct('rla.title')),
    h('p', {}, ct('rla.intro')),
    auditBegun(audit)
      ? h(
          'dl',
          { id: 'audit-status' },
          ...auditRows(audit).flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])
        )
      : h('p', { id: 'audit-none' }, ct('rla.none')),
    audit.observers.length === 0
      ? null
      : table(
          ct('rla.observers'),
          [ct('rla.observer'), ct('rla.seedRevealed')],
          audit.observers.map((o) => [o.observer, yesNo(o.revealed)]),
          'audit-observers'
        ),
    audit.full ? h('p', {}, ct('rla.fullRound')) : null,
    ...(closed ? stepsFor(c, audit) : []),
  ];
}

/** The forms for the steps the board would take now (spec §9.8.3's order). */
function stepsFor(c: ConsoleController, audit: AuditStatus): Child[] {
  switch (audit.phase) {
    case 'none':
    case 'committing':
      return [h('p', {}, ct('rla.seedsNote')), ...commitForm(c), ...startForm(c)];
    case 'revealing':
      return [...revealForm(c, audit), ...sampleForm(c)];
    case 'sampling':
      return audit.pending.length > 0
        ? countForm(c, audit)
        : [
            h('p', { id: 'audit-nothing' }, ct('rla.nothingPending')),
            // After a full hand count there is no further round to draw (spec §9.8.3).
            ...(audit.full ? [] : sampleForm(c)),
            ...endForm(c),
          ];
    case 'ended':
      return [];
  }
}

function commitForm(c: ConsoleController): Child[] {
  return [
    h('h4', { id: 'audit-commit-title' }, ct('rla.commitTitle')),
    form(
      () => void c.commitAuditSeed(),
      textField(c, 'rla-commit-observer', ct('rla.commitObserver'), {
        hint: ct('rla.commitObserverHint'),
      }),
      textField(c, 'rla-commitment', ct('rla.commitment'), { hint: ct('rla.commitmentHint') }),
      submit(c, ct('rla.commitSubmit'), 'commit-seed')
    ),
  ];
}

function startForm(c: ConsoleController): Child[] {
  return [
    h('h4', { id: 'audit-start-title' }, ct('rla.startTitle')),
    h('p', {}, ct('rla.startText')),
    form(
      () => void c.startAudit(),
      textField(c, 'rla-risk-limit', ct('rla.riskLimitField'), {
        hint: ct('rla.riskLimitHint'),
      }),
      submit(c, ct('rla.startSubmit'), 'start-audit')
    ),
  ];
}

function revealForm(c: ConsoleController, audit: AuditStatus): Child[] {
  const waiting = audit.observers.filter((o) => !o.revealed).map((o) => o.observer);
  if (waiting.length === 0) return [];
  return [
    h('h4', { id: 'audit-reveal-title' }, ct('rla.revealTitle')),
    form(
      () => void c.revealAuditSeed(),
      textField(c, 'rla-reveal-observer', ct('rla.revealObserver'), {
        hint: ct('rla.revealObserverHint', { names: waiting.join(', ') }),
      }),
      textField(c, 'rla-seed', ct('rla.seed'), { hint: ct('rla.seedHint') }),
      submit(c, ct('rla.revealSubmit'), 'reveal-seed')
    ),
  ];
}

function sampleForm(c: ConsoleController): Child[] {
  return [
    h('h4', { id: 'audit-sample-title' }, ct('rla.sampleTitle')),
    h('p', {}, ct('rla.sampleText')),
    form(
      () => void c.drawAuditSample(),
      checkbox(c, 'rla-full', ct('rla.full')),
      submit(c, ct('rla.sampleSubmit'), 'draw-sample')
    ),
  ];
}

function countForm(c: ConsoleController, audit: AuditStatus): Child[] {
  return [
    h('h4', { id: 'audit-count-title' }, ct('rla.countTitle')),
    form(
      () => void c.recordHandCount(),
      textField(c, 'audit-batch', ct('rla.batch'), { hint: audit.pending.join(' ') }),
      textField(c, 'audit-papers', ct('rla.papers')),
      textField(c, 'audit-spoilt', ct('rla.spoilt')),
      textField(c, 'audit-counts', ct('rla.counts'), { hint: ct('rla.countsHint') }),
      submit(c, ct('rla.submit'), 'record-hand-count')
    ),
  ];
}

function endForm(c: ConsoleController): Child[] {
  return [
    h('h4', { id: 'audit-end-title' }, ct('rla.endTitle')),
    h('p', {}, ct('rla.endText')),
    form(() => void c.endAudit(), submit(c, ct('rla.endSubmit'), 'end-audit')),
  ];
}
