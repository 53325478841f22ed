/**
 * @module The board page's proof sections: the latest signed checkpoints (with whether each
 * signature verified here), "check that a ballot is in the board" (inclusion proof of a tracker)
 * and "check that the board only grew" (consistency proof between two checkpoints). Outcomes are
 * in live regions; the controller moves focus to them.
 */
import { type Child, h } from '../dom.ts';
import { formatTime, t } from '../i18n/i18n.ts';
import { trackerForm } from '../tracker-form.ts';
import type { ConsistencyOutcome, InclusionOutcome, VerifiedCheckpoint } from './board-proofs.ts';

/** How many checkpoints the table shows (newest first); all are offered for the consistency check. */
const SHOWN_CHECKPOINTS = 10;

export interface BoardProofState {
  checkpoints: readonly VerifiedCheckpoint[] | null;
  tracker: string;
  trackerInvalid: boolean;
  inclusion: InclusionOutcome | null;
  /** Checkpoint sizes chosen for the consistency check. */
  from: number;
  to: number;
  consistency: ConsistencyOutcome | null;
}

export function initialBoardProofState(): BoardProofState {
  return {
    checkpoints: null,
    tracker: '',
    trackerInvalid: false,
    inclusion: null,
    from: 0,
    to: 0,
    consistency: null,
  };
}

export interface BoardProofActions {
  checkInclusion(): void;
  checkConsistency(): void;
}

function checkpointTable(checkpoints: readonly VerifiedCheckpoint[]): HTMLElement {
  const newest = [...checkpoints].reverse().slice(0, SHOWN_CHECKPOINTS);
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      'aria-label': t('board.checkpointsCaption'),
    },
    h(
      'table',
      { class: 'checkpoints' },
      h('caption', { class: 'hint' }, t('board.checkpointsCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('board.size')),
          h('th', { scope: 'col' }, t('board.time')),
          h('th', { scope: 'col' }, t('board.root')),
          h('th', { scope: 'col' }, t('board.signature'))
        )
      ),
      h(
        'tbody',
        {},
        ...newest.map((checkpoint) =>
          h(
            'tr',
            { 'data-size': String(checkpoint.size) },
            h('td', {}, String(checkpoint.size)),
            h('td', {}, checkpoint.time),
            h('td', { class: 'hex' }, checkpoint.root),
            h(
              'td',
              { class: checkpoint.valid ? 'status-passed' : 'status-failed' },
              t(checkpoint.valid ? 'board.signatureValid' : 'board.signatureInvalid')
            )
          )
        )
      )
    )
  );
}

function inclusionText(outcome: InclusionOutcome): string {
  switch (outcome.kind) {
    case 'signed':
      return t('board.inclusionOk', { position: outcome.position, size: outcome.size });
    case 'unsigned':
      return t('board.inclusionUnsigned', { position: outcome.position, size: outcome.size });
    case 'bad':
      return t('board.proofBad');
    case 'not-found':
      return t('tracker.notFound');
    case 'failed':
      return t('app.loadFailed');
  }
}

function outcomeParagraph(id: string, good: boolean | null, text: string | null): HTMLElement {
  const kind = good === null ? '' : good ? ' ok' : ' error';
  return h(
    'p',
    { id, role: 'status', tabindex: '-1', class: text === null ? undefined : `notice${kind}` },
    text ?? ''
  );
}

function inclusionForm(state: BoardProofState, actions: BoardProofActions): Child[] {
  const form = trackerForm({
    ids: { input: 'inclusion-tracker', hint: 'inclusion-hint', error: 'inclusion-error' },
    hint: t('board.inclusionIntro'),
    error: state.trackerInvalid ? t('tracker.invalid') : null,
    value: state.tracker,
    onInput: (value) => (state.tracker = value),
    submitLabel: t('board.inclusionCheck'),
    submitClass: 'secondary',
    onSubmit: () => actions.checkInclusion(),
  });
  const outcome = state.inclusion;
  const good = outcome === null ? null : outcome.kind === 'signed' || outcome.kind === 'unsigned';
  return [form, outcomeParagraph('inclusion-outcome', good, outcome && inclusionText(outcome))];
}

function checkpointSelect(
  id: string,
  label: string,
  checkpoints: readonly VerifiedCheckpoint[],
  selected: number,
  choose: (size: number) => void
): HTMLElement {
  const select = h(
    'select',
    { id },
    ...[...checkpoints]
      .reverse()
      .map((checkpoint) =>
        h(
          'option',
          { value: String(checkpoint.size), selected: checkpoint.size === selected },
          t('board.consistencyOption', { size: checkpoint.size, time: formatTime(checkpoint.time) })
        )
      )
  );
  select.addEventListener('change', () => choose(Number(select.value)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

function consistencyForm(
  state: BoardProofState,
  checkpoints: readonly VerifiedCheckpoint[],
  actions: BoardProofActions
): Child[] {
  const form = h(
    'form',
    { novalidate: true },
    h('p', { class: 'hint' }, t('board.consistencyIntro')),
    checkpointSelect(
      'consistency-from',
      t('board.consistencyFrom'),
      checkpoints,
      state.from,
      (size) => {
        state.from = size;
      }
    ),
    checkpointSelect('consistency-to', t('board.consistencyTo'), checkpoints, state.to, (size) => {
      state.to = size;
    }),
    h('button', { type: 'submit', class: 'secondary' }, t('board.consistencyCheck'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.checkConsistency();
  });
  const outcome = state.consistency;
  const texts = {
    ok: t('board.consistencyOk', { from: state.from, to: state.to }),
    bad: t('board.proofBad'),
    failed: t('app.loadFailed'),
    order: t('board.consistencyOrder'),
  };
  return [
    form,
    outcomeParagraph(
      'consistency-outcome',
      outcome === null ? null : outcome.kind === 'ok',
      outcome && texts[outcome.kind]
    ),
  ];
}

export function boardProofSections(state: BoardProofState, actions: BoardProofActions): Child[] {
  const checkpoints = state.checkpoints;
  if (checkpoints === null) return [];
  return [
    h(
      'section',
      { 'aria-labelledby': 'checkpoints-title' },
      h('h2', { id: 'checkpoints-title' }, t('board.checkpointsTitle')),
      h('p', {}, t('board.checkpointsIntro')),
      checkpoints.length === 0
        ? h('p', { class: 'notice' }, t('board.noCheckpoints'))
        : checkpointTable(checkpoints)
    ),
    h(
      'section',
      { 'aria-labelledby': 'inclusion-title' },
      h('h2', { id: 'inclusion-title' }, t('board.inclusionTitle')),
      ...inclusionForm(state, actions)
    ),
    checkpoints.length >= 2 &&
      h(
        'section',
        { 'aria-labelledby': 'consistency-title' },
        h('h2', { id: 'consistency-title' }, t('board.consistencyTitle')),
        ...consistencyForm(state, checkpoints, actions)
      ),
  ];
}
