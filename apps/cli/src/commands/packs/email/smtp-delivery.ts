/**
 * @module Sends the packs' e-mails through the officer's mail server (spec §14.3) with nodemailer,
 * the Node mailer most projects use (SMTP with STARTTLS, pooling and rate limits; no provider
 * lock-in: any relay or provider that speaks SMTP). Each answer is classified as the SMTP reply
 * codes say (RFC 5321 §4.2.1): 2yz sent, 5yz a permanent failure (bounced: the member gets the
 * postal pack), anything else — 4yz, a dropped connection, a timeout — deferred and retried with
 * growing delays; a re-run retries what is still deferred. Every attempt is logged before the next.
 */
import nodemailer from 'nodemailer';
import type { PrintRow, Roll } from '@scrutineer/protocol';
import {
  type DeliveryRow,
  type DeliveryStatus,
  appendDelivery,
  latestDeliveries,
  readDeliveries,
} from './delivery-log.ts';
import { type PackEmailElection, type PackEmailKind, packEmail } from './pack-email.ts';

export interface SendPackEmailsOptions {
  readonly rows: readonly PrintRow[];
  readonly roll: Roll;
  readonly context: PackEmailElection;
  /** `smtp://host:port` or `smtps://user:pass@host:465`, as nodemailer takes it. */
  readonly smtp: string;
  readonly from: string;
  readonly log: string;
  /** Delays before each retry of a deferred message within this run; default 2 s, 10 s, 60 s. */
  readonly retryDelaysMs?: readonly number[];
  readonly concurrency?: number;
  readonly kind?: PackEmailKind;
  readonly now?: () => string;
  readonly onProgress?: (done: number, total: number) => void;
}

export type DeliverySummary = Readonly<Record<DeliveryStatus, number>> & {
  /** Packs already sent or bounced by an earlier run: not tried again. */
  readonly skipped: number;
};

interface SmtpFailure {
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

/** RFC 5321 §4.2.1: a 5yz reply is permanent; everything else may succeed later. */
export function classifyFailure(error: SmtpFailure): { status: DeliveryStatus; detail: string } {
  const detail = (error.response ?? error.message ?? 'no reply').replace(/\s+/g, ' ').trim();
  const code = error.responseCode;
  return {
    status: code !== undefined && code >= 500 && code < 600 ? 'bounced' : 'deferred',
    detail,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function sendPackEmails(options: SendPackEmailsOptions): Promise<DeliverySummary> {
  const now = options.now ?? isoNow;
  const members = new Map(options.roll.members.map((m) => [m.memberId, m]));
  const latest = latestDeliveries(readDeliveries(options.log));
  const counts: Record<DeliveryStatus, number> = {
    sent: 0,
    deferred: 0,
    bounced: 0,
    'no-address': 0,
  };
  let skipped = 0;
  const todo: PrintRow[] = [];
  for (const row of options.rows) {
    const last = latest.get(row.pack_id)?.status;
    if (last === 'sent' || last === 'bounced' || last === 'no-address') skipped += 1;
    else todo.push(row);
  }
  const transport = nodemailer.createTransport(options.smtp, { from: options.from });
  const record = (row: PrintRow, email: string, status: DeliveryStatus, detail: string) => {
    const entry: DeliveryRow = {
      time: now(),
      pack_id: row.pack_id,
      member_id: row.member_id,
      email,
      status,
      detail,
    };
    appendDelivery(options.log, entry);
    counts[status] += 1;
  };
  const delays = options.retryDelaysMs ?? [2_000, 10_000, 60_000];
  let done = 0;
  const sendOne = async (row: PrintRow): Promise<void> => {
    const member = members.get(row.member_id);
    if (member === undefined)
      throw new Error(`member ${row.member_id} of the print file is not in the roll`);
    if (member.email === null || member.email === '') {
      record(row, '', 'no-address', 'the roll has no e-mail address: send the postal pack');
      return;
    }
    const message = packEmail(
      options.context,
      { name: member.name, email: member.email, code: row.code },
      options.kind
    );
    for (let attempt = 0; ; attempt += 1) {
      try {
        const info = await transport.sendMail({ from: options.from, ...message });
        record(row, member.email, 'sent', String(info.response ?? '250'));
        return;
      } catch (error) {
        const { status, detail } = classifyFailure(error as SmtpFailure);
        const delay = delays[attempt];
        if (status === 'bounced' || delay === undefined) {
          record(row, member.email, status, detail);
          return;
        }
        await sleep(delay);
      }
    }
  };
  try {
    const queue = [...todo];
    const worker = async () => {
      for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
        await sendOne(row);
        done += 1;
        options.onProgress?.(done, todo.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  } finally {
    transport.close();
  }
  return { ...counts, skipped };
}
