import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { fileSafeMessageId } from './message-id';
import { toNodemailer } from './compose';
import type { MailMessage, Mailer } from './port';

export interface OutboxMailerOptions {
  /** The folder of .eml files; created on the first send. */
  dir: string;
  from: string;
}

/**
 * The embedded default: every message becomes `<dir>/<timestamp>-<message id>.eml`, exactly the bytes SMTP would
 * have carried (nodemailer's stream transport composes them), so any mail client opens it. Nothing is delivered.
 */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox' as const;
  private readonly transport: Transporter<{ messageId: string; message: Buffer | NodeJS.ReadableStream }>;

  constructor(private readonly options: OutboxMailerOptions) {
    // CRLF line ends, as on the wire and in .eml files mail clients write.
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail(toNodemailer(this.options.from, message));
    if (!Buffer.isBuffer(info.message)) throw new Error('outbox: nodemailer returned a stream, not a buffer');
    await mkdir(this.options.dir, { recursive: true });
    // Sortable by time; ':' is not allowed in Windows file names.
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.options.dir, `${stamp}-${fileSafeMessageId(info.messageId)}.eml`);
    // Written aside and renamed, so a reader of the folder never sees half a message.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, info.message);
    await rename(partial, file);
    return { messageId: info.messageId };
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
