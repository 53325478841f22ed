/**
 * @module Links between the public pages of one election, keeping the page's language. Nothing
 * but the election id (and the language) is ever in a path or query; a tracker handed to the
 * tracker page goes in the fragment, which the browser never sends to the server.
 */
import { language } from './i18n/i18n.ts';

export type PublicPage = 'tracker' | 'pack' | 'turnout' | 'result' | 'board' | 'verify' | 'roll';

export function pageLink(electionId: string, page: PublicPage | null, fragment = ''): string {
  const path = page === null ? `/elections/${electionId}` : `/elections/${electionId}/${page}`;
  const query = language() === 'cy' ? '?lang=cy' : '';
  return path + query + (fragment === '' ? '' : `#${fragment}`);
}
