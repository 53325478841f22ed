/**
 * @module Test helper: a real SMTP server on loopback (the `smtp-server` package, nodemailer's
 * own server side) that keeps every message it accepts, refuses chosen recipients permanently
 * (550) and defers others (451) a chosen number of times — the mail server the e-mail delivery
 * tests send through. Never the internet.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpSink {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** RCPT TO attempts per address, refused or not. */
  readonly attempts: Map<string, number>;
  close(): Promise<void>;
}

export async function startSmtpSink(
  options: {
    readonly bounce?: readonly string[];
    readonly deferTimes?: ReadonlyMap<string, number>;
  } = {}
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const seen = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, seen);
      if (options.bounce?.includes(to)) {
        const error = Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 });
        callback(error);
      } else if (seen <= (options.deferTimes?.get(to) ?? 0)) {
        const error = Object.assign(new Error('4.2.0 Mailbox busy, try later'), {
          responseCode: 451,
        });
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
