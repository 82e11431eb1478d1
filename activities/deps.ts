import type { Logger } from 'pino';

/**
 * What activities need from the outside world, as narrow structural types: the real objects come from
 * @market/db and the API's logger, and tests pass fakes.
 */
export interface ActivityDeps {
  db: {
    /** Rejects when the database does not answer. */
    ping(): Promise<void>;
  };
  /** The process logger, for work outside an activity; inside one, use `log` from @temporalio/activity. */
  log?: Logger;
}
