/**
 * @module Bounces that arrive later, as delivery status notifications (RFC 3464) in the return
 * path's mailbox: each `.eml` file is read for its per-recipient fields, and a recipient whose
 * `Action` is `failed` is a bounce (a `delayed` one is only noted). Only the DSN's own fields are
 * trusted, never the returned message's copy, which a sender could forge.
 */

export interface DsnRecipient {
  readonly address: string;
  readonly action: 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';
  readonly status: string;
  readonly diagnostic: string;
}

const ACTIONS = new Set(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);

/** Unfolds header continuation lines (RFC 5322 §2.2.3). */
const unfold = (text: string): string => text.replace(/\r?\n[ \t]+/g, ' ');

/**
 * The per-recipient groups of the `message/delivery-status` part of a DSN, or [] when `raw` is not
 * one. Groups are separated by blank lines; the first (per-message) group has no recipient.
 */
export function parseDsn(raw: string): DsnRecipient[] {
  const start = raw.search(/content-type:\s*message\/delivery-status/i);
  if (start < 0) return [];
  const afterHeaders = raw.slice(start).search(/\r?\n\r?\n/);
  if (afterHeaders < 0) return [];
  const body = raw.slice(start + afterHeaders).replace(/^\s+/, '');
  const end = body.search(/\r?\n--/);
  const part = unfold(end < 0 ? body : body.slice(0, end));
  const recipients: DsnRecipient[] = [];
  for (const group of part.split(/\r?\n\s*\r?\n/)) {
    const fields = new Map<string, string>();
    for (const line of group.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0)
        fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = fields.get('action')?.toLowerCase();
    if (recipient === undefined || action === undefined || !ACTIONS.has(action)) continue;
    // "rfc822; someone@example.org"
    const address = recipient
      .replace(/^[^;]*;\s*/, '')
      .replace(/^<|>$/g, '')
      .toLowerCase();
    recipients.push({
      address,
      action: action as DsnRecipient['action'],
      status: fields.get('status') ?? '',
      diagnostic: fields.get('diagnostic-code') ?? '',
    });
  }
  return recipients;
}
