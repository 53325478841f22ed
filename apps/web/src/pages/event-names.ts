/**
 * @module Board event types (spec §9.5) in words, for the public board page; the type itself is
 * shown beside, as the record spells it. An unknown type (a newer board) is shown as it is.
 */
import { language } from '../i18n/i18n.ts';

const NAMES: Readonly<Record<string, readonly [en: string, cy: string]>> = {
  'election-setup': ['Election set up (the manifest)', 'Sefydlu’r etholiad (y maniffest)'],
  'trustee-commitments': ['Trustee’s key commitments', 'Ymrwymiadau allwedd ymddiriedolwr'],
  'trustee-shares': ['Trustee’s key shares', 'Cyfrannau allwedd ymddiriedolwr'],
  'trustee-complaint': ['Trustee’s complaint', 'Cwyn ymddiriedolwr'],
  'election-key': ['Election key', 'Allwedd yr etholiad'],
  credentials: ['Voting credentials', 'Manylion pleidleisio'],
  'rehearsal-share': ['Trustees’ rehearsal', 'Ymarfer yr ymddiriedolwyr'],
  'election-open': ['Voting opened', 'Agorodd y pleidleisio'],
  'ballot-cast': ['Ballot cast', 'Pleidlais wedi’i bwrw'],
  'ballot-audited': ['Device check (spoilt ballot)', 'Gwirio dyfais (papur wedi’i ddifetha)'],
  'credential-replaced': ['Replacement pack', 'Pecyn newydd'],
  'cast-refused': ['Ballot refused', 'Pleidlais wedi’i gwrthod'],
  'postal-received': ['Postal vote received', 'Pleidlais bost wedi’i derbyn'],
  'postal-batch': ['Postal votes counted (a tray)', 'Pleidleisiau post wedi’u cyfrif (hambwrdd)'],
  'election-close': ['Voting closed', 'Caeodd y pleidleisio'],
  'encrypted-tally': ['Encrypted count', 'Cyfrif amgryptiedig'],
  'decryption-share': ['Trustee’s decryption', 'Dadgryptio gan ymddiriedolwr'],
  'election-result': ['Result', 'Canlyniad'],
  'election-cancelled': ['Election cancelled', 'Etholiad wedi’i ganslo'],
  'receipt-dispute': ['Receipt dispute', 'Anghydfod derbynneb'],
};

export function eventName(type: string): string {
  const names = NAMES[type];
  if (names === undefined) return type;
  return language() === 'cy' ? names[1] : names[0];
}
