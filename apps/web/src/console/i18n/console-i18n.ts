/**
 * @module The console's words in the app's current language (the language switch is the app's:
 * i18n.ts), with `{name}` parameters filled in.
 */
import { language } from '../../i18n/i18n.ts';
import { consoleCy } from './console-messages-cy.ts';
import { type ConsoleKey, consoleEn } from './console-messages-en.ts';

export type { ConsoleKey };

export function ct(
  key: ConsoleKey,
  parameters: Readonly<Record<string, string | number>> = {}
): string {
  const template = (language() === 'cy' ? consoleCy : consoleEn)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in parameters ? String(parameters[name]) : whole
  );
}
