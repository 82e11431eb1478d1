import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedCatalog } from './cli/seed-catalog';
import { ConfigError, loadConfig } from './config';
import { ensureSecrets } from './embedded/secrets';
import { ensureStaff, type StaffLogin } from './embedded/staff';
import { createLogger } from './logger';
import { openDatabase } from './platform';
import { startRoles, stopOnSignals } from './server';
import { TemporalCliUnavailableError } from './services/temporal-cli';
import { startDevServer } from './services/temporal-dev-server';
import { ADMIN_SOURCES, buildAdminIfStale } from './admin-ui/build';
import { buildStorefrontIfStale } from './storefront/build-if-stale';
import { STOREFRONT_SOURCES } from './storefront/load';

/**
 * `npm start`: the whole platform in one process on embedded defaults — SQLite under .data/, the in-process
 * cache, and a Temporal dev server with its Web UI — unless the environment points at real services.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({
    level: config.log.level,
    pretty: config.env === 'development' && process.stdout.isTTY,
  });
  mkdirSync(config.dataDir, { recursive: true });
  ensureSecrets(config);
  await buildStorefrontIfStale(STOREFRONT_SOURCES, config.storefrontBuildDir);
  await buildAdminIfStale(ADMIN_SOURCES, config.adminBuildDir);

  let devServer: Awaited<ReturnType<typeof startDevServer>> | null = null;
  if (!config.temporal.address) {
    console.log('[start] starting the Temporal dev server…');
    devServer = await startDevServer({
      cliPath: config.temporal.cliPath,
      say: (line) => console.log(`[start] ${line}`),
      dbFile: path.join(config.dataDir, 'temporal.sqlite'),
      port: config.temporal.devServer.port,
      uiPort: config.temporal.devServer.uiPort,
      namespace: config.temporal.namespace,
      log,
    });
    config.temporal.address = devServer.address;
    config.temporal.uiUrl = devServer.uiUrl;
  }

  let staff: StaffLogin[] = [];
  const db = openDatabase(config, log);
  try {
    console.log(`[start] database: ${config.database.kind === 'sqlite' ? config.database.path : 'MySQL'}`);
    await db.migrate();
    await seedCatalog(config, db, {
      products: config.seed.products,
      images: 'all',
      label: '[start] seeding',
    });
    staff = await ensureStaff(config, db);
  } catch (err) {
    await devServer?.stop();
    throw err;
  } finally {
    await db.close();
  }

  const stopAll = async () => {
    await running.stop();
    await devServer?.stop();
  };
  const running = await startRoles(config, log, 'all', (err) => {
    log.fatal({ err }, 'fatal: stopping');
    void stopAll().finally(() => process.exit(1));
  }).catch(async (err: unknown) => {
    await devServer?.stop();
    throw err;
  });
  const api = running.url ?? config.http.publicUrl;
  const lines = [
    '',
    '  market is running',
    `  Shop          ${config.http.publicUrl}/`,
    `  Admin         ${config.http.publicUrl}/admin/`,
    `  API           ${api}/api`,
    `  OpenAPI docs  ${api}/api/docs   (JSON: ${api}/api/openapi.json)`,
    `  Health        ${api}/api/health/ready`,
    `  Temporal Web  ${config.temporal.uiUrl}`,
  ];
  if (config.env === 'development') {
    for (const login of staff) lines.push(`  ${login.role.padEnd(13)} ${login.email} / ${login.password}`);
  }
  lines.push('  Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));

  stopOnSignals(log, stopAll);
}

main().catch((err: unknown) => {
  // Problems the person can fix get their message alone; anything else its stack too.
  console.error(err instanceof ConfigError || err instanceof TemporalCliUnavailableError ? err.message : err);
  process.exit(1);
});
