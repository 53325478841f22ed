/**
 * @module The server's home page (`/`): the elections it holds, each with links to its booth,
 * public board, turnout, result and in-browser verifier, so a newcomer who opens the one address
 * the server prints finds every page without typing an election id.
 */
import type { ElectionList } from '../api.ts';
import { type Child, h } from '../dom.ts';
import { formatTime, language, t } from '../i18n/i18n.ts';
import { stageOf } from '../booth/booth-state.ts';

export function homePage(list: ElectionList | null): Child[] {
  if (list === null)
    return [h('h1', {}, t('home.title')), h('p', { class: 'notice error' }, t('app.loadFailed'))];
  if (list.elections.length === 0)
    return [h('h1', {}, t('home.title')), h('p', {}, t('home.none'))];
  const suffix = language() === 'cy' ? '?lang=cy' : '';
  return [
    h('h1', {}, t('home.title')),
    h(
      'ul',
      { class: 'election-list' },
      ...list.elections.map((election) => {
        const base = `/elections/${election.electionId}`;
        const links: [string, string][] = [
          [
            base,
            t(
              stageOf(election.stage, election.closes) === 'open'
                ? 'app.footerBooth'
                : 'app.footerStart'
            ),
          ],
          [`${base}/board`, t('app.footerBoard')],
          [`${base}/turnout`, t('app.footerTurnout')],
          [`${base}/result`, t('app.footerResult')],
          [`${base}/verify`, t('app.footerVerify')],
        ];
        const headingId = `election-${election.electionId}`;
        return h(
          'li',
          {},
          h('h2', { id: headingId }, election.title),
          h('p', {}, `${election.organisation} · ${election.electionId}`),
          h(
            'p',
            {},
            t('home.window', {
              opens: formatTime(election.opens),
              closes: formatTime(election.closes),
            }),
            ' ',
            t('home.stage', { stage: election.stage })
          ),
          h(
            'nav',
            {
              'aria-label': t('home.linksLabel', {
                title: `${election.title} (${election.electionId})`,
              }),
            },
            h(
              'ul',
              { class: 'inline-links' },
              ...links.map(([href, label]) => h('li', {}, h('a', { href: href + suffix }, label)))
            )
          )
        );
      })
    ),
  ];
}
