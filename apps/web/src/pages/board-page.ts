/**
 * @module The public board: its size and head hash, the replacement packs issued by reason, and its events a page at a time (position,
 * time, type, and a ballot's tracker), newest page last. Anyone can download the whole record
 * for the verifier from the links at the foot.
 */
import {
  RECORD_FILE_ENDPOINTS,
  type RecordFileName,
  endpointPath,
  endpoints,
} from '@scrutineer/api-contract';
import type { BoardPage, ElectionSummary } from '../api.ts';
import { type Child, button, h } from '../dom.ts';
import { REPLACEMENT_REASONS } from '@scrutineer/record';
import { formatTime, language, t } from '../i18n/i18n.ts';
import { eventName } from './event-names.ts';
import { apiOrigin } from '../api-origin.ts';

export const BOARD_PAGE_SIZE = 10;

export interface BoardPageState {
  summary: ElectionSummary | null;
  from: number;
  page: BoardPage | null;
}

function trackerOf(event: BoardPage['events'][number]): string {
  const tracker = event.body['tracker'];
  return typeof tracker === 'string' ? tracker : '';
}

/** Spec §9.5: "2 (lost 1, locked out 1)": the public count of replacement packs by reason. */
function replacementsText(summary: ElectionSummary): string {
  const count = summary.replacements;
  if (count === undefined || count.total === 0) return t('board.replacementsNone');
  const reasons = REPLACEMENT_REASONS.filter((r) => count.byReason[r] > 0).map(
    (r) => `${t(`board.reason.${r}`)} ${count.byReason[r]}`
  );
  return `${count.total} (${reasons.join(', ')})`;
}

export function boardPage(
  electionId: string,
  state: BoardPageState,
  load: (from: number) => void
): Child[] {
  const { summary, page } = state;
  if (summary === null || page === null)
    return [h('h1', {}, t('board.title')), h('p', { class: 'notice error' }, t('app.loadFailed'))];
  const last = Math.min(state.from + page.events.length, summary.size);
  const rows = page.events.map((event) =>
    h(
      'tr',
      {},
      h('td', {}, String(event.position)),
      h('td', {}, h('time', { datetime: event.time }, formatTime(event.time))),
      h('td', {}, `${eventName(event.type)} `, h('code', {}, event.type)),
      h('td', { class: 'hex' }, trackerOf(event))
    )
  );
  const fileUrl = (name: RecordFileName): string =>
    apiOrigin() + endpointPath(endpoints[RECORD_FILE_ENDPOINTS[name]], { electionId });
  return [
    h('h1', {}, t('board.title')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('board.size')),
      h('dd', { id: 'board-size' }, String(summary.size)),
      h('dt', {}, t('board.head')),
      h('dd', { class: 'hex' }, summary.headHash),
      h('dt', {}, t('board.replacements')),
      h('dd', { id: 'board-replacements' }, replacementsText(summary))
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('board.title') },
      h(
        'table',
        { class: 'board' },
        h(
          'caption',
          { class: 'hint' },
          t('board.showing', { first: state.from, last: Math.max(state.from, last - 1) })
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('board.position')),
            h('th', { scope: 'col' }, t('board.time')),
            h('th', { scope: 'col' }, t('board.type')),
            h('th', { scope: 'col' }, t('receipt.tracker'))
          )
        ),
        h('tbody', {}, ...rows)
      )
    ),
    h(
      'div',
      { class: 'actions' },
      state.from > 0 &&
        button(t('board.previous'), () => load(Math.max(0, state.from - BOARD_PAGE_SIZE))),
      page.next !== null && button(t('board.next'), () => load(page.next ?? 0))
    ),
    h('h2', {}, t('board.download')),
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: fileUrl('board.jsonl'), download: 'board.jsonl' }, 'board.jsonl')),
      h(
        'li',
        {},
        h(
          'a',
          { href: fileUrl('checkpoints.jsonl'), download: 'checkpoints.jsonl' },
          'checkpoints.jsonl'
        )
      ),
      h('li', {}, h('a', { href: fileUrl('format.json'), download: 'format.json' }, 'format.json'))
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/elections/${electionId}/verify${language() === 'cy' ? '?lang=cy' : ''}` },
        t('board.verifyHere')
      )
    ),
  ];
}
