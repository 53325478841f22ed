/** @module The trustee page's messages in the app's current language (i18n.ts decides which). */
import { language } from '../../i18n/i18n.ts';
import { trusteeCy } from './trustee-messages-cy.ts';
import { type TrusteeMessageKey, trusteeEn } from './trustee-messages-en.ts';

export type { TrusteeMessageKey };

export function tt(
  key: TrusteeMessageKey,
  parameters: Readonly<Record<string, string | number>> = {}
): string {
  const template = (language() === 'cy' ? trusteeCy : trusteeEn)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in parameters ? String(parameters[name]) : whole
  );
}

/** Both catalogues, for the completeness test. */
export const trusteeCatalogues = { en: trusteeEn, cy: trusteeCy } as const;
