/**
 * @module The declaration's figures that only ballot events with styles, weights or colleges have
 * (spec §9.9 with §13): each contest's own electorate and turnout (weighted beside them), and each
 * electoral college's combined result, computed by the record package (colleges.ts), never here.
 */
import type { Declaration } from '@scrutineer/record';
import { type Child, h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

type DeclaredContest = Declaration['contests'][number];
type DeclaredCollege = NonNullable<Declaration['colleges']>[number];

/** The contest's own turnout as paragraphs, or none for an election without styles or weights. */
export function contestTurnout(contest: DeclaredContest): Child[] {
  const { turnout, weighted, electorate } = contest;
  if (turnout === undefined || electorate === undefined) return [];
  return [
    h(
      'p',
      { class: 'contest-turnout' },
      t('result.contestTurnout', {
        electorate,
        total: turnout.total,
        percent: turnout.percent.toFixed(1),
        online: turnout.online,
        postal: turnout.postal,
      })
    ),
    weighted === undefined
      ? ''
      : h(
          'p',
          { class: 'contest-turnout' },
          t('result.contestWeighted', {
            electorate: weighted.electorate,
            turnout: weighted.turnout,
            percent: weighted.percent.toFixed(1),
            papers: weighted.papers,
          })
        ),
  ];
}

function collegeSection(declaration: Declaration, college: DeclaredCollege, c: number): Child {
  const id = `declaration-college-${c}`;
  const caption = t('result.collegeCaption', { college: college.title });
  // The parts' titles and the candidates' names as the contests show them (in the page language).
  const contestOf = (contestId: string | undefined) =>
    declaration.contests.find((contest) => contest.id === contestId);
  const shares = college.parts
    .map((part) => `${contestOf(part.contest)?.title ?? part.contest}: ${part.share}`)
    .join('; ');
  const nameOf = (candidate: string, fallback: string): string =>
    contestOf(college.parts[0]?.contest)?.candidates.find((row) => row.id === candidate)?.name ??
    fallback;
  return h(
    'section',
    { 'aria-labelledby': id },
    h('h2', { id }, college.title),
    h('p', {}, t('result.collegeIntro', { shares })),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
      h(
        'table',
        {},
        h('caption', { class: 'hint' }, caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              t('result.candidate'),
              t('result.collegePercent'),
              t('result.collegeScore'),
              t('result.outcome'),
            ].map((label) => h('th', { scope: 'col' }, label))
          )
        ),
        h(
          'tbody',
          {},
          ...college.candidates.map((row) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, nameOf(row.id, row.name)),
              h('td', {}, row.percent.toFixed(2)),
              h('td', {}, `${row.numerator}/${row.denominator}`),
              h(
                'td',
                {},
                !row.leader
                  ? ''
                  : college.leaders.length > 1
                    ? t('result.isTied')
                    : t('result.collegeLeads')
              )
            )
          )
        )
      )
    )
  );
}

/** One section per electoral college (none without colleges); `declaration` in the page language. */
export function collegeSections(declaration: Declaration): Child[] {
  return (declaration.colleges ?? []).map((college, c) => collegeSection(declaration, college, c));
}
