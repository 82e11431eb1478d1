import { createServer, type Server } from 'node:http';
import type { Activities } from '@market/activities';
import type { Mailer } from '@market/adapters/mail/index';
import { createApp } from './app';
import type { Config } from './config';
import type { Logger } from './logger';
import { createPlatform } from './platform';
import { findAdminBuild } from './admin-ui/build';
import { loadStorefront } from './storefront/load';
import type { createWorker } from './worker';
import { temporalConnectionOptions } from './services/temporal-connection-options';

export type Role = 'web' | 'worker' | 'all';

/** How long in-flight HTTP requests may take to finish once shutdown begins. */
const HTTP_DRAIN_MS = 5_000;

export interface Running {
  /** Resolves when the HTTP server listens (web) and the worker polls (worker). */
  url: string | null;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts the HTTP API, the Temporal worker, or both, on one shared platform. stop() is graceful. */
export interface StartOptions {
  /**
   * Replaces some activities, wrapping the real ones: only tests use it, to inject an outage (the browser tests'
   * platform makes captures fail on demand). Production never passes it.
   */
  activities?: (real: Activities) => Partial<Activities>;
}

function withOverrides(real: Activities, overrides: StartOptions['activities']): Activities {
  return overrides ? { ...real, ...overrides(real) } : real;
}

export async function startRoles(
  config: Config,
  log: Logger,
  role: Role,
  /** Called when the worker stops by itself (e.g. it lost Temporal for good): the process should exit and restart. */
  onFatal: (err: unknown) => void = () => undefined,
  options: StartOptions = {},
): Promise<Running> {
  const platform = await createPlatform(config, log, { role });
  let server: Server | null = null;
  let worker: Awaited<ReturnType<typeof createWorker>> | null = null;
  let mailer: Mailer | null = null;
  let workerRun: Promise<void> | null = null;
  let stopping = false;
  try {
    if (role === 'worker' || role === 'all') {
      // Loaded here, not at the top: a web process never holds the worker SDK, the activities and their libraries
      // (PDF, images, mail): 30 MB of heap and about 100 MB resident (docs/benchmarks.md, eighth step).
      const [{ createActivities }, { createMailer }, { createWorker }] = await Promise.all([
        import('@market/activities'),
        import('@market/adapters/mail/index'),
        import('@market/api/worker'),
      ]);
      // SMTP, or the outbox folder on the embedded default: only the worker sends mail.
      mailer = createMailer(config.mail);
      worker = await createWorker({
        ...temporalConnectionOptions(config.temporal),
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        activities: withOverrides(
          createActivities({
            db: platform.db,
            search: platform.search,
            alias: config.search?.index,
            storage: platform.storage,
            payments: platform.payments,
            mailer,
            shop: { ...config.shop, from: config.mail.from },
            guestHoldMaxPercent: config.checkout.guestHoldMaxPercent,
            unpaidOrderEmailsPerHour: config.emailLimits.unpaidOrderPerHour,
            log,
          }),
          options.activities,
        ),
        log,
        ...(config.temporal.workflowBundlePath
          ? { workflowBundlePath: config.temporal.workflowBundlePath }
          : {}),
        workflowStackTraces: config.temporal.workflowStackTraces,
      });
      workerRun = worker.run().then(
        () => {
          if (!stopping) onFatal(new Error('the Temporal worker stopped unexpectedly'));
        },
        (err: unknown) => {
          log.error({ err }, 'Temporal worker stopped with an error');
          if (!stopping) onFatal(err);
        },
      );
    }
    if (role === 'web' || role === 'all') {
      const storefront = await loadStorefront(config.storefrontBuildDir);
      if (!storefront)
        log.warn('the storefront is not built (npm run build -w storefront): serving the API only');
      const admin = findAdminBuild(config.adminBuildDir);
      if (!admin) log.warn('the back office is not built (npm run build -w admin): no /admin');
      const app = createApp(platform, { storefront, admin });
      server = createServer(app);
      server.keepAliveTimeout = 65_000; // longer than common load balancer idle timeouts
      await listen(server, config.http.port, config.http.host);
    }
  } catch (err) {
    stopping = true;
    await worker?.shutdown().catch(() => undefined);
    await mailer?.close();
    await platform.close();
    throw err;
  }

  const address = server?.address();
  const url = address && typeof address === 'object' ? `http://${config.http.host}:${address.port}` : null;
  return {
    url,
    stop: async () => {
      stopping = true;
      if (server) {
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        // Requests in flight get a grace period; a client that stops reading (or a long download) must not hold
        // the shutdown forever.
        const deadline = setTimeout(() => server!.closeAllConnections(), HTTP_DRAIN_MS);
        await closed;
        clearTimeout(deadline);
      }
      if (worker) {
        await worker.shutdown();
        await workerRun;
      }
      await mailer?.close();
      await platform.close();
    },
  };
}

/**
 * Stops on SIGINT/SIGTERM; a second signal (more than 2 s after the first: under `npm start` one Ctrl-C can arrive
 * twice, from the terminal and from npm) or 30 s without finishing forces the exit.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): void {
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt) {
      if (Date.now() - firstSignalAt < 2000) return;
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    firstSignalAt = Date.now();
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 30 s: exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
