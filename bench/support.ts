import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { createDatabase, type Database } from '@market/db';
import { testDatabaseServerUrl } from '@market/db/testing';

/** Small helpers of the benchmark: servers on loopback, the scratch database, a deterministic shuffle. */

export function withRedisDb(url: string, db: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

/** The URL of a database on the stack's MariaDB. */
export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function openDatabase(name: string, poolMax: number): Database {
  return createDatabase({ kind: 'mysql', url: databaseUrl(name), poolMax });
}

export function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Deterministic shuffle (the same order every run), so two runs ask the same questions. */
export function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Distinct words of 4+ letters from the first 2,000 titles, shuffled: search terms that find something. */
export function titleWords(products: readonly { title: string }[]): string[] {
  return shuffle([
    ...new Set(
      products
        .slice(0, 2_000)
        .flatMap((p) => p.title.toLowerCase().split(/[^a-z]+/))
        .filter((w) => w.length >= 4),
    ),
  ]);
}

export interface Cleanups {
  /** Registers a clean-up step; steps run newest first. */
  push(what: string, fn: () => Promise<unknown>): void;
  /** Runs them all, logging (not throwing) failures. */
  run(): Promise<void>;
}

/** The clean-up list of a benchmark run, also run on Ctrl-C (exit 130), so no scratch database is left behind. */
export function cleanupsOnExit(log: (message: string) => void): Cleanups {
  const steps: [string, () => Promise<unknown>][] = [];
  const run = async () => {
    for (const [what, fn] of steps.reverse()) {
      await fn().catch((err: unknown) => log(`cleanup of ${what} failed: ${String(err)}`));
    }
  };
  process.once('SIGINT', () => {
    log('interrupted: cleaning up');
    void run().finally(() => process.exit(130));
  });
  return { push: (what, fn) => void steps.push([what, fn]), run };
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 with the error on stderr when it threw. */
export function runMain(main: () => Promise<void>, log: (message: string) => void): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      log(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
