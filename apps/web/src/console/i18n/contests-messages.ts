/**
 * @module The words of the console's per-contest summary (contests-section.ts), in English and
 * Welsh, spread into the console's catalogues so ct() finds them.
 */
export const contestsEn = {
  'contests.title': 'Each contest’s electorate and turnout',
  'contests.note':
    'Each contest has its own electorate: the members whose ballot includes it. Who has voted only: no count of any kind is shown before the result.',
  'contests.postalNote':
    'A postal paper is of its member’s ballot style: each postal pack received counts in the contests of that style only.',
  'contests.contest': 'Contest',
  'contests.electorate': 'Electorate',
  'contests.online': 'Voted online',
  'contests.postal': 'Postal',
  'contests.turnout': 'Turnout',
  'contests.weightedElectorate': 'Weighted electorate',
  'contests.weightedTurnout': 'Weighted turnout',
  'contests.percent': '{count} ({percent}%)',
} as const;

export const contestsCy: Readonly<Record<keyof typeof contestsEn, string>> = {
  'contests.title': 'Etholaeth a nifer a bleidleisiodd ym mhob cystadleuaeth',
  'contests.note':
    'Mae gan bob cystadleuaeth ei hetholaeth ei hun: yr aelodau y mae eu papur pleidleisio’n ei chynnwys. Pwy sydd wedi pleidleisio yn unig: ni ddangosir unrhyw gyfrif cyn y canlyniad.',
  'contests.postalNote':
    'Mae papur post o arddull papur pleidleisio ei aelod: mae pob pecyn post a dderbyniwyd yn cyfrif yng nghystadlaethau’r arddull honno yn unig.',
  'contests.contest': 'Cystadleuaeth',
  'contests.electorate': 'Etholaeth',
  'contests.online': 'Pleidleisiodd ar-lein',
  'contests.postal': 'Drwy’r post',
  'contests.turnout': 'Nifer a bleidleisiodd',
  'contests.weightedElectorate': 'Etholaeth wedi’i phwysoli',
  'contests.weightedTurnout': 'Nifer a bleidleisiodd wedi’i phwysoli',
  'contests.percent': '{count} ({percent}%)',
};
