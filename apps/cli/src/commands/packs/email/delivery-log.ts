/**
 * @module The registrar's e-mail delivery log (spec §14.3): one CSV row per attempt, appended and
 * never rewritten, so a crash loses nothing acknowledged and a re-run resumes — it sends again only
 * to members whose last attempt was deferred. The log holds addresses (personal data): it stays
 * with the registrar, like the roll.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsvText } from '../../roll/csv-file.ts';

export const DELIVERY_STATUSES = ['sent', 'deferred', 'bounced', 'no-address'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRow {
  readonly time: string;
  readonly pack_id: string;
  readonly member_id: string;
  readonly email: string;
  readonly status: DeliveryStatus;
  /** The server's reply (`250 …`, `550 …`), the bounce's diagnostic, or why nothing was sent. */
  readonly detail: string;
}

const COLUMNS = ['time', 'pack_id', 'member_id', 'email', 'status', 'detail'] as const;

export const emailPaths = (packsDir: string) => ({
  deliveries: join(packsDir, 'email', 'deliveries.csv'),
  /** The printer's rows of the members the post must reach (no address, or bounced). */
  postalFallback: join(packsDir, 'email', 'postal-fallback.csv'),
});

const cell = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function appendDelivery(path: string, row: DeliveryRow): void {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    appendFileSync(path, `${COLUMNS.join(',')}\n`, { mode: 0o600 });
  }
  appendFileSync(path, `${COLUMNS.map((c) => cell(row[c])).join(',')}\n`);
}

export function readDeliveries(path: string): DeliveryRow[] {
  if (!existsSync(path)) return [];
  const table = parseCsvText(readFileSync(path, 'utf8'));
  const at = (name: string) => table.header.indexOf(name);
  return table.rows.map(({ row, cells }) => {
    const status = cells[at('status')] ?? '';
    if (!(DELIVERY_STATUSES as readonly string[]).includes(status))
      throw new Error(`${path} row ${row}: unknown status "${status}"`);
    return {
      time: cells[at('time')] ?? '',
      pack_id: cells[at('pack_id')] ?? '',
      member_id: cells[at('member_id')] ?? '',
      email: cells[at('email')] ?? '',
      status: status as DeliveryStatus,
      detail: cells[at('detail')] ?? '',
    };
  });
}

/** Each pack's latest attempt: the state a re-run resumes from. */
export function latestDeliveries(rows: readonly DeliveryRow[]): Map<string, DeliveryRow> {
  const latest = new Map<string, DeliveryRow>();
  for (const row of rows) latest.set(row.pack_id, row);
  return latest;
}
