import { createHash } from 'node:crypto';

// RFC 5322 dot-atom text: what may stand left of the `@` in a Message-ID without quoting.
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * A valid, stable Message-ID (`<local@market>`) for a dedupe key such as `order-42:email:order_shipped`: `:` and
 * other characters outside dot-atom text become `.`, runs of dots collapse. A key that still does not fit (or is
 * longer than 120 characters) is replaced by its SHA-256, so the id stays valid and the same key keeps its id.
 */
export function messageIdFor(dedupeKey: string, domain = 'market'): string {
  let local = dedupeKey
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
  if (!ATEXT.test(local) || local.length > 120) {
    local = createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40);
  }
  return `<${local}@${domain}>`;
}

/** A Message-ID as a file-name fragment: no angle brackets, only `[A-Za-z0-9._@-]`, at most 120 characters. */
export function fileSafeMessageId(messageId: string): string {
  return (
    messageId
      .replace(/^<|>$/g, '')
      .replace(/[^A-Za-z0-9._@-]/g, '_')
      .slice(0, 120) || 'message'
  );
}
