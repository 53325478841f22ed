/**
 * @module The message catalogues and the current language. Switching language re-renders the
 * current page from the app's state, so the voter keeps their place (and their choices).
 */
import { cy } from './messages-cy.ts';
import { type MessageKey, en } from './messages-en.ts';

export type Language = 'en' | 'cy';
export type { MessageKey };

const catalogues: Record<Language, Readonly<Record<MessageKey, string>>> = { en, cy };

let current: Language = 'en';

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
}

/** The message `key` in the current language with `{name}` parameters filled in. */
export function t(
  key: MessageKey,
  parameters: Readonly<Record<string, string | number>> = {}
): string {
  const template = catalogues[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in parameters ? String(parameters[name]) : whole
  );
}

type Translations = Readonly<Record<string, string>> | undefined;

/** A security question's label in the current language when the manifest gives one (spec §9.2). */
export function questionLabel(question: {
  readonly label: string;
  readonly translations?: Translations;
}): string {
  return question.translations?.[current] ?? question.label;
}

/** A contest's title in the current language when the manifest gives one (spec §9.11). */
export function contestTitle(contest: {
  readonly title: string;
  readonly translations?: Translations;
}): string {
  return contest.translations?.[current] ?? contest.title;
}

/** A candidate's name in the current language when the manifest gives one (spec §9.11). */
export function candidateName(candidate: {
  readonly name: string;
  readonly translations?: Translations;
}): string {
  return candidate.translations?.[current] ?? candidate.name;
}

/** The election's title or organisation in the current language (spec §9.11). */
export function electionText(
  manifest: {
    readonly title: string;
    readonly organisation: string;
    readonly translations?:
      | Readonly<
          Record<
            string,
            { readonly title?: string | undefined; readonly organisation?: string | undefined }
          >
        >
      | undefined;
  },
  field: 'title' | 'organisation'
): string {
  return manifest.translations?.[current]?.[field] ?? manifest[field];
}

const WELSH_DAYS = [
  'Dydd Sul',
  'Dydd Llun',
  'Dydd Mawrth',
  'Dydd Mercher',
  'Dydd Iau',
  'Dydd Gwener',
  'Dydd Sadwrn',
];
const WELSH_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

/**
 * A board time (UTC, spec §9.2) shown in UK time in the current language. Welsh is composed from
 * our own day and month names: browsers (Chromium's ICU among them) may lack Welsh date data.
 */
export function formatTime(instant: string): string {
  const date = new Date(instant);
  if (current === 'en')
    return new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Europe/London',
    }).format(date);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value])
  );
  const year = Number(parts['year']);
  const month = Number(parts['month']);
  const day = Number(parts['day']);
  // The weekday of the London calendar date (noon UTC of that date is the same day everywhere).
  const weekday = new Date(Date.UTC(year, month - 1, day, 12)).getUTCDay();
  return `${WELSH_DAYS[weekday]} ${day} ${WELSH_MONTHS[month - 1]} ${year} am ${parts['hour']}:${parts['minute']}`;
}

/** Welsh ordinal abbreviations 1af … 20fed (after 20 the plain "rhif N" reads unambiguously). */
const WELSH_ORDINALS = [
  '1af',
  '2il',
  '3ydd',
  '4ydd',
  '5ed',
  '6ed',
  '7fed',
  '8fed',
  '9fed',
  '10fed',
  '11eg',
  '12fed',
  '13eg',
  '14eg',
  '15fed',
  '16eg',
  '17eg',
  '18fed',
  '19eg',
  '20fed',
];
const ENGLISH_SUFFIXES: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd' };
const englishOrdinal = new Intl.PluralRules('en-GB', { type: 'ordinal' });

/** A preference's place as an ordinal in the current language: 1st, 2nd … / 1af, 2il … */
export function ordinal(place: number): string {
  if (current === 'cy') return WELSH_ORDINALS[place - 1] ?? `rhif ${place}`;
  return `${place}${ENGLISH_SUFFIXES[englishOrdinal.select(place)] ?? 'th'}`;
}

/** The catalogue of a language, for the completeness test. */
export function catalogue(of: Language): Readonly<Record<MessageKey, string>> {
  return catalogues[of];
}
