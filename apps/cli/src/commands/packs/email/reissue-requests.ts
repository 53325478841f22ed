/**
 * @module Self-service reissue by e-mail (spec §14.4): a member who lost their code, or never got
 * it, writes to the registrar's reissue address (the message with the code says so). The
 * registrar's tool reads the folder of those messages (`.eml`, as any mailbox exports them) and,
 * for a sender whose address is a member's on the roll, issues a replacement that goes to that
 * roll address only. A forged sender therefore gains nothing: the new code reaches the member,
 * and the revoked one was theirs. Each message is handled once (email/reissued.csv).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RollMember } from '@scrutineer/protocol';
import { parseCsvText } from '../../roll/csv-file.ts';

/** The address of a message's From header (RFC 5322 §3.6.2), lower case, or null. */
export function senderAddress(raw: string): string | null {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const from = headers
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .find((line) => /^from:/i.test(line));
  if (from === undefined) return null;
  const value = from.slice(5).trim();
  const address =
    /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? /^([^\s<>@]+@[^\s<>@]+)$/.exec(value)?.[1];
  return address === undefined ? null : address.toLowerCase();
}

export type ReissueOutcome =
  | { readonly file: string; readonly kind: 'member'; readonly member: RollMember }
  | { readonly file: string; readonly kind: 'unknown-sender' | 'repeat'; readonly detail: string };

export const reissuedPath = (packsDir: string): string => join(packsDir, 'email', 'reissued.csv');

/** The request files already handled, by name. */
function handledFiles(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  return new Set(parseCsvText(readFileSync(path, 'utf8')).rows.map((r) => r.cells[0] ?? ''));
}

export function markHandled(path: string, file: string, outcome: string): void {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    appendFileSync(path, 'file,outcome\n', { mode: 0o600 });
  }
  appendFileSync(path, `${file.replace(/[",\r\n]/g, '_')},${outcome}\n`);
}

/**
 * The requests of `folder` not handled yet, each matched to the eligible member whose roll address
 * sent it. Two messages from one member in one run are one reissue.
 */
export function readReissueRequests(
  folder: string,
  members: readonly RollMember[],
  handledLog: string
): ReissueOutcome[] {
  const handled = handledFiles(handledLog);
  const byAddress = new Map<string, RollMember>();
  for (const member of members)
    if (member.eligible && member.email !== null && member.email !== '')
      byAddress.set(member.email.toLowerCase(), member);
  const seen = new Set<string>();
  const outcomes: ReissueOutcome[] = [];
  for (const file of readdirSync(folder)
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    if (handled.has(file)) continue;
    const address = senderAddress(readFileSync(join(folder, file), 'utf8'));
    const member = address === null ? undefined : byAddress.get(address);
    if (member === undefined)
      outcomes.push({ file, kind: 'unknown-sender', detail: address ?? 'no From address' });
    else if (seen.has(member.memberId))
      outcomes.push({ file, kind: 'repeat', detail: member.memberId });
    else {
      seen.add(member.memberId);
      outcomes.push({ file, kind: 'member', member });
    }
  }
  return outcomes;
}
