/**
 * @module The pack's fixed texts in the pack's language(s) (spec §9.11): one language, or two for
 * a bilingual pack, where each instruction is printed in the first language then the second, as
 * Welsh public bodies print bilingual forms. The tables are pack-text-en.ts and pack-text-cy.ts.
 */
import { packTextCy } from './pack-text-cy.ts';
import { type PackTextKey, packTextEn } from './pack-text-en.ts';

export type { PackTextKey } from './pack-text-en.ts';

/** The languages a pack's fixed texts are written in. */
export const PACK_LANGUAGES = ['en', 'cy'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];

export function isPackLanguage(code: string): code is PackLanguage {
  return (PACK_LANGUAGES as readonly string[]).includes(code);
}

export const PACK_TEXT_TABLES: Readonly<
  Record<PackLanguage, Readonly<Record<PackTextKey, string>>>
> = { en: packTextEn, cy: packTextCy };

/** A parameter: the same in every language, or worked out for each. */
export type PackTextParam = string | number | ((language: PackLanguage) => string);
export type PackTextParams = Readonly<Record<string, PackTextParam>>;

/** The `{name}` parameters of a template, sorted. */
export function templateParameters(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

/** `key` in `language` with its parameters filled in; a missing parameter is a bug. */
export function packString(
  language: PackLanguage,
  key: PackTextKey,
  params: PackTextParams = {}
): string {
  return PACK_TEXT_TABLES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pack text ${key}: no parameter ${name}`);
    return typeof value === 'function' ? value(language) : String(value);
  });
}

export interface PackText {
  readonly languages: readonly PackLanguage[];
  /** Two languages: paragraphs are printed smaller so both fit where one did. */
  readonly bilingual: boolean;
  /** A font size for a paragraph of this pack. */
  size(points: number): number;
  /** A heading or label: the languages on one line, joined by " / ". */
  heading(key: PackTextKey, params?: PackTextParams): string;
  /** A paragraph: each language on its own line(s), the first language first. */
  paragraph(key: PackTextKey, params?: PackTextParams): string;
  /** As {@link paragraph}, for a text worked out in each language. */
  paragraphOf(text: (language: PackLanguage) => string): string;
}

export function packText(languages: readonly PackLanguage[] = ['en']): PackText {
  if (languages.length === 0) throw new Error('a pack needs a language');
  const bilingual = languages.length > 1;
  const paragraphOf = (text: (language: PackLanguage) => string) => languages.map(text).join('\n');
  return {
    languages,
    bilingual,
    size: (points) => (bilingual ? Math.round(points * 8) / 10 : points),
    heading: (key, params) => languages.map((l) => packString(l, key, params)).join(' / '),
    paragraph: (key, params) => paragraphOf((l) => packString(l, key, params)),
    paragraphOf,
  };
}
