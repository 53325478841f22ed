/**
 * @module A pack in another language, or bilingual (spec §9.11): the manifest's texts — title,
 * organisation, contest titles, candidate names, question labels — printed in `language` wherever
 * the manifest translates them (`translatedElection`), or in the manifest's language and, after a
 * slash, in `language` (`bilingualElection`). Only what is printed changes: the manifest itself
 * (and so the fingerprint, which is made from it) is left as it is. The pack's own instructions
 * follow the pack's languages too (pdf/pack-text.ts).
 */
import type { ElectionDraft } from './election-input.ts';

type Translations = Readonly<Record<string, string>> | undefined;

type Combine = (text: string, translations: Translations, language: string) => string;

function both(text: string, translations: Translations, language: string): string {
  const other = translations?.[language];
  return other === undefined || other === text ? text : `${text} / ${other}`;
}

function only(text: string, translations: Translations, language: string): string {
  return translations?.[language] ?? text;
}

export function bilingualElection(election: ElectionDraft, language: string): ElectionDraft {
  return withTexts(election, language, both);
}

/** The manifest's texts in `language` where it translates them, else as they are. */
export function translatedElection(election: ElectionDraft, language: string): ElectionDraft {
  return withTexts(election, language, only);
}

function withTexts(election: ElectionDraft, language: string, both: Combine): ElectionDraft {
  const manifest = election.manifest;
  const texts = manifest?.translations?.[language];
  const questions = manifest?.securityQuestions;
  return {
    ...election,
    title: both(
      election.title,
      texts?.title === undefined ? undefined : { [language]: texts.title },
      language
    ),
    organisation: both(
      election.organisation,
      texts?.organisation === undefined ? undefined : { [language]: texts.organisation },
      language
    ),
    contests: election.contests.map((contest) => ({
      ...contest,
      title: both(contest.title, contest.translations, language),
      candidates: contest.candidates.map((candidate) => ({
        ...candidate,
        name: both(candidate.name, candidate.translations, language),
      })),
    })),
    questionLabels:
      questions === undefined
        ? election.questionLabels
        : questions.map((q) => both(q.label, q.translations, language).toLowerCase()),
  };
}
