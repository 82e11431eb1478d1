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
 * Mail over SMTP with nodemailer, one connection per message (emails are rare: an order sends a handful). Timeouts
 * are short so an unreachable server fails the activity quickly and Temporal retries it with backoff, rather than
 * the attempt hanging until its start-to-close timeout.
 */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    this.transport = nodemailer.createTransport({
      url: options.url,
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
