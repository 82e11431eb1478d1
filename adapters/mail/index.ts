import { OutboxMailer } from './outbox';
import type { Mailer } from './port';
import { SmtpMailer } from './smtp';

/** The shape of `Config['mail']` in api/config.ts. */
export type MailConfig =
  { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; dir: string; from: string };

/** The mailer for the configured transport: SMTP when SMTP_URL is set, else the outbox folder. */
export function createMailer(config: MailConfig): Mailer {
  switch (config.kind) {
    case 'smtp':
      return new SmtpMailer({ url: config.url, from: config.from });
    case 'outbox':
      return new OutboxMailer({ dir: config.dir, from: config.from });
  }
}

export type { MailMessage, Mailer } from './port';
export { fileSafeMessageId, messageIdFor } from './message-id';
export { OutboxMailer, type OutboxMailerOptions } from './outbox';
export { SmtpMailer, type SmtpMailerOptions } from './smtp';
