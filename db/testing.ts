import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { createDatabase, type Database } from './database';

/**
 * Databases for integration tests. MariaDB comes from the test stack (MARKET_TEST_DATABASE_URL, a server URL such
 * as mysql://root@127.0.0.1:13306/); each Jest worker gets its own database, migrated once per test file. Tests
 * never truncate: they create uniquely named data with factories.
 */

export function testDatabaseServerUrl(): string {
  const url = process.env.MARKET_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'MARKET_TEST_DATABASE_URL is not set: run the integration tests with `npm test`, which starts MariaDB ' +
        '(or export it yourself, e.g. mysql://root@127.0.0.1:13306/)',
    );
  }
  return url;
}

/** The worker's database `market_test_<JEST_WORKER_ID>`, created if missing and migrated. Close it when done. */
export async function createTestDatabase(): Promise<Database> {
  const name = `market_test_${process.env.JEST_WORKER_ID ?? '1'}`;
  migrated ??= createMysqlDatabase(name).then(async () => {
    const db = openMysql(name);
    try {
      await db.migrate();
    } finally {
      await db.close();
    }
  });
  try {
    await migrated;
  } catch (err) {
    migrated = undefined; // let the next caller try again rather than replaying the failure
    throw err;
  }
  return openMysql(name);
}

let migrated: Promise<void> | undefined;

export interface ScratchDatabase {
  db: Database;
  name: string;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

/** An empty, uniquely named MariaDB database (not migrated), for tests of migrations themselves. */
export async function createScratchMysqlDatabase(prefix = 'market_scratch'): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createMysqlDatabase(name);
  const db = openMysql(name);
  return {
    db,
    name,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS \`${name}\``);
    },
  };
}

/** An SQLite database in a fresh temporary directory, migrated unless `migrate: false`. close() deletes it. */
export async function createSqliteTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  const dir = mkdtempSync(path.join(tmpdir(), 'market-db-'));
  const db = createDatabase({ kind: 'sqlite', path: path.join(dir, 'market.sqlite') });
  if (options.migrate ?? true) await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function openMysql(database: string): Database {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${database}`;
  return createDatabase({ kind: 'mysql', url: url.toString(), poolMax: 5 });
}

async function createMysqlDatabase(name: string): Promise<void> {
  await adminQuery(
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
}

async function adminQuery(sql: string): Promise<void> {
  const url = new URL(testDatabaseServerUrl());
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}
