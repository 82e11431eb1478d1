import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { type Role, startRoles, stopOnSignals } from './server';

/**
 * Production entry point: `node api/dist/main.js web|worker|all`.
 * Expects migrated database and running services; `npm start` (start.ts) is the all-in-one development variant.
 */
async function main(): Promise<void> {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!['web', 'worker', 'all'].includes(role)) {
    console.error(`Unknown role "${role}". Use: web | worker | all`);
    process.exit(2);
  }
  const config = loadConfig();
  const log = createLogger({ level: config.log.level });
  const running = await startRoles(config, log, role, (err) => {
    // A worker that stopped by itself must not leave a process that looks healthy: exit so it is restarted.
    log.fatal({ err }, 'fatal: exiting');
    void running.stop().finally(() => process.exit(1));
  });
  log.info({ role, url: running.url }, 'market started');
  stopOnSignals(log, running.stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
