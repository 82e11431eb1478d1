import nodemailer, { type Transporter } from 'nodemailer';
import { toNodemailer } from './compose';
import type { MailMessage, Mailer } from './port';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer reads host, port, TLS and credentials from it. */
  url: string;
  /** The From address of every message (`Shop <shop@example.com>`). */
  from: string;
}

/**
 * Mail over SMTP with nodemailer, through a pool of connections kept open between messages: during a sale every
 * order sends a confirmation, and a connection per message cost a TCP handshake, the greeting, EHLO and QUIT each
 * time (docs/benchmarks.md, issue 14 eleventh step). A pooled connection idle for `socketTimeout` is closed. One the
 * server dropped before the message went out passes it to another connection; one dropped during it fails the
 * message, which the email activity retries. Timeouts are short so an unreachable server fails the activity quickly
 * and Temporal retries it with backoff, rather than the attempt hanging until its start-to-close timeout.
 */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    this.transport = nodemailer.createTransport({
      url: options.url,
      pool: true,
      // The database pool's default size: a send holds a database connection (the email log row's lock, see
      // activities/email.ts), so no more sends than that run at once, and fewer SMTP connections would queue sends
      // that each hold one.
      maxConnections: 10,
      // A connection is replaced after this many messages, so none lives forever.
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail(toNodemailer(this.options.from, message));
    return { messageId: info.messageId };
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
