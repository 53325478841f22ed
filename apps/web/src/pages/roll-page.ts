/**
 * @module "Check that you are counted" (spec §9.2.5) in the browser: the member types their member
 * number and the roll reference from their pack (the text the pack's roll QR code carries), and
 * this device recomputes their salted leaf and checks its inclusion proof against the roll
 * commitment in the election's manifest — the manifest whose hash the board and the booth check
 * (spec §9.3.1), never the root printed in the reference. Nothing typed here is sent anywhere.
 */
import { checkRollInclusion, parseRollReference, sameCommitment } from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';
import { type Child, h } from '../dom.ts';
import { type MessageKey, t } from '../i18n/i18n.ts';
import { fieldErrors, summaryOf } from '../booth/field-errors.ts';
import type { FieldError } from '../booth/booth-state.ts';

export interface RollPageState {
  memberId: string;
  reference: string;
  errors: FieldError[];
  outcome:
    | { readonly kind: 'counted'; readonly index: number; readonly count: number }
    | { readonly kind: 'other-roll' | 'not-included' }
    | null;
}

export function newRollPageState(): RollPageState {
  return { memberId: '', reference: '', errors: [], outcome: null };
}

/** The check itself, on this device (spec §9.2.5); `errors` when the input cannot be read. */
export function checkRoll(manifest: Manifest, state: RollPageState): void {
  state.errors = [];
  state.outcome = null;
  const memberId = state.memberId.trim();
  if (memberId === '') state.errors.push({ key: 'roll.memberEmpty', target: 'roll-member' });
  const parsed = parseRollReference(state.reference);
  if (state.reference.trim() === '')
    state.errors.push({ key: 'roll.referenceEmpty', target: 'roll-reference' });
  else if (!parsed.ok)
    state.errors.push({ key: 'roll.referenceMalformed', target: 'roll-reference' });
  if (state.errors.length > 0 || !parsed.ok) return;
  const published = { count: manifest.roll.count, root: manifest.roll.root };
  if (!sameCommitment(parsed.value.commitment, published)) {
    state.outcome = { kind: 'other-roll' };
    return;
  }
  const checked = checkRollInclusion(published, { memberId, ...parsed.value.inclusion });
  state.outcome = checked.ok
    ? { kind: 'counted', index: parsed.value.inclusion.index + 1, count: published.count }
    : { kind: 'not-included' };
}

export function rollPage(
  manifest: Manifest | null,
  state: RollPageState,
  rerender: (focus: boolean) => void
): Child[] {
  if (manifest === null)
    return [h('h1', {}, t('roll.title')), h('p', { class: 'notice error' }, t('app.loadFailed'))];
  const errorOf = (id: string): string | undefined =>
    state.errors.some((e) => e.target === id) ? `${id}-hint ${id}-error` : `${id}-hint`;
  const member = h('input', {
    id: 'roll-member',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': errorOf('roll-member'),
    'aria-invalid': state.errors.some((e) => e.target === 'roll-member') ? 'true' : undefined,
  });
  member.value = state.memberId;
  member.addEventListener('input', () => (state.memberId = member.value));
  const reference = h('textarea', {
    id: 'roll-reference',
    rows: '4',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'code-input',
    'aria-describedby': errorOf('roll-reference'),
    'aria-invalid': state.errors.some((e) => e.target === 'roll-reference') ? 'true' : undefined,
  });
  reference.value = state.reference;
  reference.addEventListener('input', () => (state.reference = reference.value));
  const form = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'roll-member' }, t('roll.member')),
      h('p', { class: 'hint', id: 'roll-member-hint' }, t('roll.memberHint')),
      fieldErrors(state.errors, 'roll-member'),
      member
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'roll-reference' }, t('roll.reference')),
      h('p', { class: 'hint', id: 'roll-reference-hint' }, t('roll.referenceHint')),
      fieldErrors(state.errors, 'roll-reference'),
      reference
    ),
    h('button', { type: 'submit', class: 'primary' }, t('roll.submit'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    checkRoll(manifest, state);
    rerender(state.errors.length > 0);
  });
  const outcome = state.outcome;
  const message: [MessageKey, Record<string, number>] | null =
    outcome === null
      ? null
      : outcome.kind === 'counted'
        ? ['roll.counted', { index: outcome.index, count: outcome.count }]
        : outcome.kind === 'other-roll'
          ? ['roll.otherRoll', { count: manifest.roll.count }]
          : ['roll.notIncluded', {}];
  return [
    h('h1', {}, t('roll.title')),
    summaryOf(state.errors) ?? '',
    h('p', {}, t('roll.intro', { count: manifest.roll.count })),
    form,
    h(
      'p',
      {
        role: 'status',
        id: 'roll-result',
        class:
          outcome === null ? 'status' : outcome.kind === 'counted' ? 'notice ok' : 'notice error',
        'data-state': outcome?.kind,
      },
      message === null ? '' : t(message[0], message[1])
    ),
    outcome !== null && outcome.kind !== 'counted' && h('p', {}, t('roll.whatNow')),
  ];
}
