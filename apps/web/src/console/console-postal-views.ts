/**
 * @module The console's sections for the steps that change the record outside the main line: postal
 * intake and batch entry (with their status: envelopes received, and per opening batch — counts
 * only, the officer's read of the server, since which envelope is in which tray is never
 * published — and batches posted), ballot packs
 * (made offline: the commands to run, and posting a replacement request), and cancelling the
 * election behind a GOV.UK warning and a second, explicit confirmation.
 */
import { type Child, button, h } from '../dom.ts';
import type { Board, ConsoleController } from './console-controller.ts';
import { postalBatches, postalReceivedCount } from './console-board.ts';
import { fileField, form, section, submit, table, textField } from './console-elements.ts';
import { ct } from './i18n/console-i18n.ts';
import { auditPart } from './console-audit-views.ts';

const CSV = '.csv,text/csv';

export function postalSection(c: ConsoleController): HTMLElement | null {
  const board = c.state.board;
  if (board === null) return null;
  if (!board.manifest.channels.postal)
    return section('postal-title', ct('postal.title'), h('p', {}, ct('postal.notOffered')));
  const batches = postalBatches(board.events);
  return section(
    'postal-title',
    ct('postal.title'),
    h('p', {}, ct('postal.intro')),
    h(
      'p',
      { id: 'postal-received' },
      `${ct('postal.received')}: ${postalReceivedCount(board.events)}`
    ),
    envelopesTable(board.envelopeBatches),
    batches.length === 0
      ? h('p', {}, ct('postal.none'))
      : table(
          ct('postal.batches'),
          [ct('postal.batch'), ct('postal.papers'), ct('postal.spoilt')],
          batches.map((b) => [b.batch, String(b.papers), String(b.spoilt)]),
          'postal-batches'
        ),
    h('h3', { id: 'postal-intake-title' }, ct('postal.intakeTitle')),
    ...(board.stage === 'open' ? intakeForms(c) : [h('p', {}, ct('postal.intakeClosed'))]),
    h('h3', { id: 'postal-batch-title' }, ct('postal.batchTitle')),
    ...(board.stage === 'closed' ? batchForm(c) : [h('p', {}, ct('postal.batchWhenClosed'))]),
    ...auditPart(c)
  );
}

/** Spec §9.5.3: envelopes per opening batch, which a batch's count may not exceed in papers. */
function envelopesTable(batches: Board['envelopeBatches']): Child {
  return batches.length === 0
    ? null
    : table(
        ct('postal.envelopeBatches'),
        [ct('postal.batch'), ct('postal.envelopes')],
        batches.map((b) => [b.batch, String(b.envelopes)]),
        'postal-envelopes'
      );
}

function intakeForms(c: ConsoleController): Child[] {
  return [
    form(
      () => void c.receiveSlip(),
      textField(c, 'postal-slip', ct('postal.slip'), { hint: ct('postal.slipHint') }),
      textField(c, 'postal-slip-batch', ct('postal.slipBatch'), {
        hint: ct('postal.slipBatchHint'),
      }),
      submit(c, ct('postal.slipSubmit'), 'receive-slip')
    ),
    form(
      () => void c.uploadScanner(),
      fileField(c, 'scanner-file', 'scanner', ct('postal.scannerFile'), undefined, CSV),
      submit(c, ct('postal.scannerSubmit'), 'upload-scanner')
    ),
  ];
}

function batchForm(c: ConsoleController): Child[] {
  return [
    h('p', {}, ct('postal.batchText')),
    form(
      () => void c.enterBatch(),
      textField(c, 'batch-id', ct('postal.batchId')),
      ...styleField(c),
      ...weightField(c),
      fileField(c, 'first-entries', 'first-entries', ct('postal.first'), undefined, CSV),
      fileField(c, 'second-entries', 'second-entries', ct('postal.second'), undefined, CSV),
      submit(c, ct('postal.batchSubmit'), 'enter-batch')
    ),
  ];
}

/** Spec §13.2.1: with ballot styles, the one style of the batch's papers (its category id). */
function styleField(c: ConsoleController): Child[] {
  const categories = c.state.board?.manifest.styles?.categories ?? [];
  if (categories.length === 0) return [];
  const styles = categories.map((k) => `${k.id} (${k.name})`).join(', ');
  return [
    textField(c, 'batch-style', ct('postal.batchStyle'), {
      hint: ct('postal.batchStyleHint', { styles }),
    }),
  ];
}

/** Spec §13.2.1 step 6: with weights, the one weight of the batch's papers. */
function weightField(c: ConsoleController): Child[] {
  const max = c.state.board?.manifest.weights?.max;
  if (max === undefined) return [];
  return [
    textField(c, 'batch-weight', ct('postal.batchWeight'), {
      hint: ct('postal.batchWeightHint', { max }),
    }),
  ];
}

/** The commands the registrar runs offline (ADR 0025), filled in for this election and server. */
function packCommands(electionId: string): { generate: string; replace: string } {
  const server = location.origin;
  const common = `--roll roll.json --references roll-references.json --election manifest.json`;
  return {
    generate: `scrutineer packs generate ${common} --server ${server} --booth-url ${server}/elections/${electionId} --out packs`,
    replace: `scrutineer packs replace --dir packs ${common} --server ${server} --member-id <member id> --reason lost --approval-key registrar-key.json --contact "<whom to contact>"`,
  };
}

export function packsSection(c: ConsoleController): HTMLElement | null {
  const board = c.state.board;
  if (board === null || board.stage === 'cancelled') return null;
  const commands = packCommands(board.manifest.electionId);
  return section(
    'packs-title',
    ct('packs.title'),
    h('p', {}, ct('packs.text')),
    h('p', {}, ct('packs.generate')),
    h('pre', { class: 'hex', id: 'packs-generate' }, h('code', {}, commands.generate)),
    h('p', {}, ct('packs.replace')),
    h('pre', { class: 'hex', id: 'packs-replace' }, h('code', {}, commands.replace)),
    board.stage === 'open'
      ? form(
          () => void c.postReplacement(),
          fileField(c, 'replacement-file', 'replacement', ct('packs.requestFile')),
          submit(c, ct('packs.requestSubmit'), 'post-replacement')
        )
      : null
  );
}

export function cancelSection(c: ConsoleController): HTMLElement | null {
  const board = c.state.board;
  if (board === null || board.stage === 'final' || board.stage === 'cancelled') return null;
  if (!c.state.confirmCancel)
    return section(
      'cancel-title',
      ct('cancel.title'),
      h('p', {}, ct('cancel.text')),
      button(ct('cancel.start'), () => c.askToCancel(true), {
        class: 'warning',
        id: 'cancel-start',
        disabled: c.state.busy,
      })
    );
  return section(
    'cancel-title',
    ct('cancel.title'),
    // GOV.UK warning text: the icon is decoration, the word "Warning" is read instead.
    h(
      'div',
      { class: 'warning-text', id: 'cancel-warning' },
      h('span', { class: 'warning-text-icon', 'aria-hidden': 'true' }, '!'),
      h(
        'strong',
        { class: 'warning-text-text' },
        h('span', { class: 'visually-hidden' }, `${ct('cancel.warningLabel')}: `),
        ct('cancel.warning')
      )
    ),
    form(
      () => void c.cancel(),
      textField(c, 'cancel-reason', ct('cancel.reason'), { multiline: true }),
      h(
        'div',
        { class: 'button-group' },
        h(
          'button',
          { type: 'submit', class: 'warning', id: 'cancel-confirm', disabled: c.state.busy },
          ct('cancel.confirm')
        ),
        button(ct('cancel.back'), () => c.askToCancel(false), {
          class: 'secondary',
          id: 'cancel-back',
        })
      )
    )
  );
}
