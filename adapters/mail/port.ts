/**
 * The mail port: one message out. Two adapters: SMTP through nodemailer (production; Mailpit in tests) and an
 * outbox folder of .eml files (the embedded default), so `npm start` can show every email it would have sent.
 */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /**
   * A stable Message-ID (`<dedupe-key@market>`): a message sent again after a crash carries the same id, so mail
   * clients and our tests can tell it is the same email.
   */
  messageId: string;
  /** Extra headers, e.g. X-Market-Template. */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Resolves once the SMTP server accepted the message (or the file is written); rejects otherwise. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
