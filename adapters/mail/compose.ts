import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './port';

/** One message as nodemailer composes it, the same for SMTP and the outbox: the bytes on the wire, or in the file. */
export function toNodemailer(from: string, message: MailMessage): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers: message.headers,
  };
}
