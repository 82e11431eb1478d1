import type { ObjectStorage, SearchEngine } from '@market/adapters';
import type { PaymentProvider } from '@market/adapters/payments/port';
import type { Database } from '@market/db';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Cache } from './services/cache';
import type { Client } from '@temporalio/client';

/** What route handlers may use. Built once per process by createPlatform() (or by a test). */
export interface AppDeps {
  config: Config;
  log: Logger;
  db: Database;
  cache: Cache;
  temporal: TemporalDeps;
  /** Elasticsearch/OpenSearch, or the embedded default's in-process index; null: search SQL (tests, benches). */
  search: SearchEngine | null;
  storage: ObjectStorage;
  /** Stripe, or the built-in test payments of the embedded default. */
  payments: PaymentProvider;
}

export interface TemporalDeps {
  client: Client;
  taskQueue: string;
  /** Rejects when the Temporal frontend does not answer. */
  ping(): Promise<void>;
}
