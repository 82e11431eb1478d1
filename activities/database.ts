import type { Database } from '@market/db';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps';

/** The whole database, for activities that need more than a ping; a worker without one fails them for good. */
export function requireDatabase(deps: ActivityDeps): Database {
  if (!('models' in deps.db)) {
    throw ApplicationFailure.nonRetryable('the worker has no database', 'DatabaseNotConfigured');
  }
  return deps.db;
}
