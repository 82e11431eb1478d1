import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createActivities } from '@market/activities';
import { createMailer } from '@market/adapters/mail/index';
import { testSmtpUrl } from '@market/adapters/mail/testing';
import { createPaymentProvider } from '@market/adapters/payments/index';
import { createScratchMysqlDatabase } from '@market/db/testing';
import { createApp } from '../app';
import { temporalDeps } from '../platform';
import { createTestDeps } from '../testing/deps';
import { createTestUser } from '../testing/users';
import { createWorker } from '../worker';

export interface FuzzApp {
  /** The API's base URL on 127.0.0.1 (the document is at /api/openapi.json). */
  url: string;
  /** `Bearer …` of an admin of this app. */
  adminAuthorization: string;
  close(): Promise<void>;
}

/**
 * The whole API on a port of its own for a fuzzer: a throwaway MariaDB database (dropped by close()), its own
 * bucket, search alias and Redis prefix, and a worker on a task queue of its own running the real workflows, so
 * checkouts and payments go where they go in production. Nothing a fuzzer writes reaches another suite's data.
 */
export async function startFuzzApp(env: Record<string, string> = {}): Promise<FuzzApp> {
  const scratch = await createScratchMysqlDatabase('market_fuzz');
  await scratch.db.migrate();
  const base = await createTestDeps({ SHOP_CURRENCY: 'EUR', ORDER_ANSWER_TIMEOUT_SECONDS: '10', ...env });
  const taskQueue = `fuzz-${randomUUID()}`;
  const db = scratch.db;
  const deps = {
    ...base,
    db,
    payments: createPaymentProvider(base.config.payments, { db }),
    temporal: temporalDeps(base.temporal.client, taskQueue),
  };
  const mailer = createMailer({ kind: 'smtp', url: testSmtpUrl(), from: deps.config.mail.from });
  const worker = await createWorker({
    address: deps.config.temporal.address!,
    namespace: deps.config.temporal.namespace,
    taskQueue,
    activities: createActivities({
      db,
      payments: deps.payments,
      storage: deps.storage,
      mailer,
      shop: { ...deps.config.shop, from: deps.config.mail.from },
    }),
    log: deps.log,
  });
  const running = worker.run();
  const admin = await createTestUser(deps, { role: 'admin' });
  const server: Server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    adminAuthorization: admin.auth.Authorization,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      worker.shutdown();
      await running;
      await mailer.close();
      await base.close();
      await scratch.drop();
    },
  };
}
