import { S3ObjectStorage } from '@market/adapters';
import { ensureStaffAccount } from '@market/db';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from '../platform';

function openStorageForSetup(config: ReturnType<typeof loadConfig>): S3ObjectStorage | null {
  return config.storage.kind === 's3' ? new S3ObjectStorage(config.storage) : null;
}

/** `npm run db:migrate` (up, all pending) and `npm run db:rollback` (down one, or `-- --to 0` for all). */
async function main(): Promise<void> {
  const [direction = 'up', flag, value] = process.argv.slice(2);
  const config = loadConfig();
  const log = createLogger({ level: config.log.level });
  const db = openDatabase(config, log);
  try {
    const migrator = db.migrator;
    if (direction === 'up') {
      const applied = await migrator.up();
      console.log(
        applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.',
      );
      // Production bootstrap: the bucket (where S3 allows us to create it) and the configured staff accounts.
      const storage = openStorageForSetup(config);
      if (storage) {
        await storage.ensureBucket().finally(() => storage.close());
        console.log(`Ensured the bucket ${storage.bucket}`);
      }
      for (const role of ['admin', 'support'] as const) {
        const { email, password } = config.seed[role];
        if (!password) continue;
        const name = role === 'admin' ? 'Market Admin' : 'Market Support';
        await ensureStaffAccount(db, { email, password, name, role });
        console.log(`Ensured the ${role} account ${email}`);
      }
    } else if (direction === 'down') {
      const reverted =
        flag === '--to' && value === '0' ? await migrator.down({ to: 0 }) : await migrator.down();
      console.log(
        reverted.length ? `Reverted ${reverted.map((m) => m.name).join(', ')}` : 'Nothing to revert.',
      );
    } else if (direction === 'status') {
      const pending = await migrator.pending();
      const executed = await migrator.executed();
      console.log(
        `Executed: ${executed.length}; pending: ${pending.map((m) => m.name).join(', ') || 'none'}`,
      );
    } else {
      throw new Error(`Unknown direction "${direction}": use up, down or status`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
