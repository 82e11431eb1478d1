import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileSafeMessageId, messageIdFor } from '@market/adapters/mail/message-id';

/**
 * The embedded default's outbox (DATA_DIR/outbox): one .eml file per message sent, named after its Message-ID,
 * which the email activity derives from `<workflowId>:email:<template>` (docs/emails.md).
 */
export function outboxEmails(outboxDir: string, workflowId: string, template: string): string[] {
  const id = fileSafeMessageId(messageIdFor(`${workflowId}:email:${template}`));
  let files: string[];
  try {
    files = readdirSync(outboxDir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith(`-${id}.eml`))
    .map((file) => readFileSync(path.join(outboxDir, file), 'utf8'));
}

/** Waits until each template has at least one message for the order, then returns how many each has. */
export async function waitForOutbox(
  outboxDir: string,
  workflowId: string,
  templates: string[],
  timeoutMs = 30_000,
): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = Object.fromEntries(
      templates.map((template) => [template, outboxEmails(outboxDir, workflowId, template)]),
    );
    if (Object.values(found).every((emails) => emails.length > 0) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
