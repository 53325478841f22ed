/**
 * @module The postal audit's state as the console shows it (spec §9.8): the rows of the public
 * status the board answers to `scrutineer postal audit status`, in the officer's words. Pure, so
 * a unit test checks what the officer is told.
 */
import type { AuditStatus } from '@scrutineer/record';
import { type ConsoleKey, ct } from './i18n/console-i18n.ts';

/** Parts per million as the CLI prints them: a percentage to four places. */
export const riskText = (ppm: number): string => `${(ppm / 10_000).toFixed(4)} %`;

/** Whether the board has any audit to show (a commitment at least). */
export const auditBegun = (status: AuditStatus): boolean => status.phase !== 'none';

export function auditOutcomeKey(status: AuditStatus): ConsoleKey {
  if (status.outcome === 'confirmed') return 'rla.confirmed';
  if (status.outcome === 'hand-counted') return 'rla.handCounted';
  return 'rla.running';
}

/** Label and value, one row each, in the order an observer reads them. */
export function auditRows(status: AuditStatus): [string, string][] {
  return [
    [ct('rla.phase'), status.phase],
    [ct('rla.riskLimit'), status.riskLimit === null ? '—' : `${status.riskLimit} %`],
    [ct('rla.rounds'), String(status.rounds)],
    [ct('rla.counted'), `${status.counted} / ${status.batches}`],
    [ct('rla.pending'), status.pending.join(' ') || '—'],
    [ct('rla.measured'), status.riskPpm === null ? '—' : riskText(status.riskPpm)],
    [ct('rla.outcome'), ct(auditOutcomeKey(status))],
  ];
}
