import { DatabaseError } from 'sequelize';

/**
 * Runs `work` (one whole transaction) again when InnoDB picked it as a deadlock victim: the transaction was rolled
 * back, so running it again is safe. Other errors, and the last attempt's, are thrown.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
    }
  }
}

function isDeadlock(err: unknown): boolean {
  const parent = err instanceof DatabaseError ? (err.parent as { code?: string } | undefined) : undefined;
  return parent?.code === 'ER_LOCK_DEADLOCK';
}
