import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps';

export interface PlatformCheck {
  database: 'ok';
}

/** Smoke checks support staff can run through a workflow; read-only, so retries are harmless. */
export function createPlatformActivities(deps: ActivityDeps) {
  return {
    async checkPlatform(): Promise<PlatformCheck> {
      try {
        await deps.db.ping();
      } catch (err) {
        // Retryable: a database that is restarting should not fail the check at once.
        throw ApplicationFailure.create({
          type: 'DatabaseUnavailable',
          message: `database did not answer: ${err instanceof Error ? err.message : String(err)}`,
          cause: err instanceof Error ? err : undefined,
        });
      }
      return { database: 'ok' };
    },
  };
}
