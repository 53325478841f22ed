/**
 * @module The result page (after the tally): per contest, a table of online, postal and total
 * votes per candidate in ballot order — the accessible source of truth — and a bar chart drawn
 * as SVG (attributes only, no inline styles, so the page CSP holds) that repeats the table for
 * sighted readers and is hidden from assistive technology.
 */
import { type Declaration, type Manifest, isRankedContest } from '@scrutineer/record';
import type { ElectionResult } from '../api.ts';
import { type Child, h } from '../dom.ts';
import { candidateName, contestTitle, electionText, t } from '../i18n/i18n.ts';
import { collegeSections, contestTurnout } from './result-colleges.ts';
import { rankedContent } from './result-ranked.ts';
import { rankedView } from './result-ranked-view.ts';
import { svg } from './svg.ts';

function chart(names: readonly string[], totals: readonly number[]): SVGElement {
  const max = Math.max(1, ...totals);
  const row = 36;
  const labelWidth = 180;
  const barWidth = 360;
  const root = svg('svg', {
    viewBox: `0 0 ${labelWidth + barWidth + 60} ${row * names.length + 8}`,
    class: 'chart',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  names.forEach((name, i) => {
    const total = totals[i] ?? 0;
    const y = i * row + 4;
    root.append(
      svg('text', { x: '0', y: String(y + 22), class: 'chart-label' }, name),
      svg('rect', {
        x: String(labelWidth),
        y: String(y + 4),
        width: String(Math.max(2, (total / max) * barWidth)),
        height: String(row - 12),
        class: 'chart-bar',
      }),
      svg(
        'text',
        {
          x: String(labelWidth + (total / max) * barWidth + 8),
          y: String(y + 22),
          class: 'chart-label',
        },
        String(total)
      )
    );
  });
  return root;
}

/**
 * The public result page: the declaration (spec §9.9) when the server gives one, else the bare
 * counts. Never called verified: this page does not check the record, so it says so and links to
 * the page that does.
 */
export function resultPage(
  electionId: string,
  manifest: Manifest,
  result: ElectionResult | null,
  declaration: Declaration | null
): Child[] {
  if (result === null)
    return [h('h1', {}, t('result.title')), h('p', { class: 'notice' }, t('result.none'))];
  const print = h('button', { type: 'button', class: 'secondary no-print' }, t('result.print'));
  print.addEventListener('click', () => window.print());
  return [
    h('h1', {}, t('result.title')),
    h('p', {}, electionText(manifest, 'title')),
    h(
      'p',
      { class: 'notice', id: 'result-unverified' },
      t('result.unverified'),
      h('a', { href: `/elections/${electionId}/verify` }, t('result.checkIt')),
      '.'
    ),
    ...(declaration === null
      ? resultSections(manifest, result, 'h2')
      : declarationSections(declaration, manifest, result)),
    print,
  ];
}

/** The declaration's contest titles and candidate names in the page's language (spec §9.11). */
function inPageLanguage(declaration: Declaration, manifest: Manifest): Declaration {
  return {
    ...declaration,
    contests: declaration.contests.map((contest, c) => {
      const spec = manifest.contests[c];
      if (spec === undefined) return contest;
      return {
        ...contest,
        title: contestTitle(spec),
        candidates: contest.candidates.map((row) => {
          const candidate = spec.candidates.find((x) => x.id === row.id);
          return candidate === undefined ? row : { ...row, name: candidateName(candidate) };
        }),
      };
    }),
  };
}

function electedList(declaration: Declaration): Child {
  const elected = declaration.contests.flatMap((contest) =>
    contest.candidates
      .filter((row) => row.elected)
      .map((row) => h('li', {}, `${row.name} — ${contest.title}`))
  );
  return h(
    'section',
    { 'aria-labelledby': 'result-elected' },
    h('h2', { id: 'result-elected' }, t('result.elected')),
    elected.length === 0 ? h('p', {}, t('result.noneElected')) : h('ul', {}, ...elected)
  );
}

function figuresTable(declaration: Declaration): Child {
  const row = (label: string, value: string): HTMLElement =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
  const { turnout } = declaration;
  return h(
    'section',
    { 'aria-labelledby': 'result-turnout' },
    h('h2', { id: 'result-turnout' }, t('result.turnoutTitle')),
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        row(t('result.electorate'), String(declaration.electorate)),
        row(t('turnout.online'), String(turnout.online)),
        row(t('turnout.postal'), String(turnout.postal)),
        row(t('result.turnoutTotal'), `${turnout.total} (${turnout.percent.toFixed(1)}%)`),
        row(t('result.spoilt'), String(declaration.spoilt)),
        row(t('result.rejected'), String(declaration.rejected.total))
      )
    )
  );
}

/** The declaration: who is elected, then per contest votes and shares, then the turnout. */
export function declarationSections(
  declaration: Declaration,
  manifest: Manifest,
  result: ElectionResult
): Child[] {
  declaration = inPageLanguage(declaration, manifest);
  return [
    electedList(declaration),
    ...declaration.contests.map((contest, c) => {
      const id = `declaration-${c}`;
      // A ranked contest by its ranked result (its homomorphic counts are empty).
      const ranked = rankedView(contest);
      if (ranked !== null)
        return h(
          'section',
          { 'aria-labelledby': id },
          h('h2', { id }, contest.title),
          ...rankedContent(ranked)
        );
      const tied = contest.candidates.filter((row) => contest.tiedForLastSeat.includes(row.id));
      return h(
        'section',
        { 'aria-labelledby': id },
        h('h2', { id }, contest.title),
        h('p', {}, t('result.seats', { seats: contest.seats, papers: contest.papers })),
        ...contestTurnout(contest),
        h(
          'div',
          {
            class: 'table-scroll',
            tabindex: '0',
            role: 'region',
            'aria-label': t('result.caption', { contest: contest.title }),
          },
          h(
            'table',
            {},
            h('caption', { class: 'hint' }, t('result.caption', { contest: contest.title })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...[
                  t('result.candidate'),
                  t('turnout.online'),
                  t('turnout.postal'),
                  t('turnout.total'),
                  t('result.percent'),
                  t('result.outcome'),
                ].map((label) => h('th', { scope: 'col' }, label))
              )
            ),
            h(
              'tbody',
              {},
              ...contest.candidates.map((row) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, row.name),
                  h('td', {}, String(row.online)),
                  h('td', {}, String(row.postal)),
                  h('td', {}, String(row.total)),
                  h('td', {}, row.percent.toFixed(1)),
                  h(
                    'td',
                    {},
                    row.elected
                      ? t('result.isElected')
                      : contest.tiedForLastSeat.includes(row.id)
                        ? t('result.isTied')
                        : ''
                  )
                )
              )
            )
          )
        ),
        tied.length > 0
          ? h(
              'p',
              { class: 'notice' },
              t('result.tied', { names: tied.map((r) => r.name).join(', ') })
            )
          : '',
        manifest.contests[c] === undefined || result.contests[c] === undefined
          ? ''
          : chart(
              contest.candidates.map((row) => row.name),
              contest.candidates.map((row) => row.total)
            )
      );
    }),
    ...collegeSections(declaration),
    figuresTable(declaration),
  ];
}

/** Per contest, the table and the chart under a heading of `level` (the verifier nests them). */
export function resultSections(
  manifest: Manifest,
  result: ElectionResult,
  level: 'h2' | 'h3'
): Child[] {
  const sections: Child[] = [];
  result.contests.forEach((contest, c) => {
    const spec = manifest.contests[c];
    if (spec === undefined) return;
    const names = spec.candidates.map(candidateName);
    const id = `result-${level}-${c}`;
    if (isRankedContest(spec)) {
      // Its counts here are empty: the ranked count's result is the declaration's.
      sections.push(
        h(
          'section',
          { 'aria-labelledby': id },
          h(level, { id }, contestTitle(spec)),
          h('p', {}, t('result.rankedElsewhere'))
        )
      );
      return;
    }
    sections.push(
      h(
        'section',
        { 'aria-labelledby': id },
        h(level, { id }, contestTitle(spec)),
        // Scrolls sideways inside itself at narrow widths (320 px) rather than the page.
        h(
          'div',
          {
            class: 'table-scroll',
            tabindex: '0',
            role: 'region',
            'aria-label': t('result.caption', { contest: contestTitle(spec) }),
          },
          h(
            'table',
            {},
            h('caption', { class: 'hint' }, t('result.caption', { contest: contestTitle(spec) })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('result.candidate')),
                h('th', { scope: 'col' }, t('turnout.online')),
                h('th', { scope: 'col' }, t('turnout.postal')),
                h('th', { scope: 'col' }, t('turnout.total'))
              )
            ),
            h(
              'tbody',
              {},
              ...contest.options.map((option, j) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, names[j] ?? String(j)),
                  h('td', {}, String(option.online)),
                  h('td', {}, String(option.postal)),
                  h('td', {}, String(option.total))
                )
              )
            )
          )
        ),
        chart(
          names,
          contest.options.map((option) => option.total)
        )
      )
    );
  });
  return sections;
}
