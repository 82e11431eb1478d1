import { existsSync } from 'node:fs';
import Libsql from 'libsql';
import { type FileLock, lockFor } from './sqlite-lock';
import { PreparedStatements } from './sqlite-statements';

/**
 * The part of the node-sqlite3 callback API that Sequelize 6's sqlite dialect calls, backed by libsql (prebuilt,
 * synchronous). The `sqlite3` package needs a native build at install time, which this project cannot rely on.
 * Pass `createSqliteDriver()` as Sequelize's `dialectModule`.
 */

export const OPEN_READONLY = 0x1;
export const OPEN_READWRITE = 0x2;
export const OPEN_CREATE = 0x4;

export interface SqliteDriverOptions {
  /** How long a write waits for another connection's transaction before failing with SQLITE_BUSY. */
  lockTimeoutMs?: number;
  /** SQLite's own busy wait, which blocks the event loop: it only matters when another process writes. */
  busyTimeoutMs?: number;
}

type Settings = Required<SqliteDriverOptions>;
type Params = unknown[] | Record<string, unknown>;
type Method = 'run' | 'all' | 'exec';
type QueryCallback = (this: Statement, err: Error | null, rows?: unknown[]) => void;
type DoneCallback = (this: SqliteConnection, err: Error | null) => void;

interface Outcome {
  context: Statement;
  error: Error | null;
  rows?: unknown[];
}

/** The `this` of a query callback. Sequelize reads lastID/changes only when `constructor.name === 'Statement'`. */
export class Statement {
  constructor(
    readonly sql: string,
    readonly lastID: number,
    readonly changes: number,
  ) {}
}

export class SqliteConnection {
  readonly filename: string;
  private db: Libsql.Database | null = null;
  private readonly lock: FileLock;
  /**
   * Statements sent with parameters, prepared once by SQL text. Sequelize inlines the values of most queries (the
   * text changes with them: not kept) but binds those of inserts, updates and queries given `bind`: the same text
   * comes again and SQLite need not parse it again (preparing was 9 % of the embedded product page).
   */
  private readonly statements = new PreparedStatements(MAX_PREPARED);
  /** Writes that had to wait for the file lock, in the order they were issued on this connection. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly settings: Settings,
    filename: string,
    modeOrCallback?: number | DoneCallback,
    callback?: DoneCallback,
  ) {
    this.filename = filename;
    this.lock = lockFor(filename);
    const done = typeof modeOrCallback === 'function' ? modeOrCallback : callback;
    const mode = typeof modeOrCallback === 'number' ? modeOrCallback : OPEN_READWRITE | OPEN_CREATE;
    let error: Error | null = null;
    try {
      this.db = open(filename, mode, settings.busyTimeoutMs);
    } catch (err) {
      error = toError(err);
    }
    // Sequelize reads the value of `new Database(...)` inside this callback, so it must not run synchronously.
    setImmediate(() => done?.call(this, error));
  }

  run(sql: string, ...args: unknown[]): this {
    this.submit('run', sql, args);
    return this;
  }

  all(sql: string, ...args: unknown[]): this {
    this.submit('all', sql, args);
    return this;
  }

  exec(sql: string, callback?: DoneCallback): this {
    this.submit('exec', sql, callback ? [callback] : []);
    return this;
  }

  /** Statements on one connection already run one at a time, in order. */
  serialize(fn?: () => void): void {
    fn?.();
  }

  close(callback?: DoneCallback): void {
    this.queue = this.queue.then(() => {
      let error: Error | null = null;
      try {
        this.db?.close();
      } catch (err) {
        error = toError(err);
      }
      this.db = null;
      this.statements.clear();
      this.lock.release(this); // closing rolls back an open transaction
      callback?.call(this, error);
    });
  }

  private submit(method: Method, sql: string, args: unknown[]): void {
    const { params, callback } = splitArgs(args);
    const write = isWrite(sql);
    // Reads never wait (WAL lets them run beside a writer). A write runs now when nothing of this connection is
    // already waiting and the file lock is free or ours; otherwise it queues, keeping this connection's order.
    if (!write || (this.queued === 0 && this.lock.tryAcquire(this))) {
      deliver(callback, this.execute(method, sql, params, write));
      return;
    }
    this.queued++;
    this.queue = this.queue.then(async () => {
      let outcome: Outcome;
      try {
        await this.lock.acquire(this, this.settings.lockTimeoutMs, () => this.busyError());
        outcome = this.execute(method, sql, params, write);
      } catch (err) {
        outcome = { context: new Statement(sql, 0, 0), error: toError(err) };
      }
      this.queued--;
      deliver(callback, outcome);
    });
  }

  private execute(method: Method, sql: string, params: Params, write: boolean): Outcome {
    try {
      if (!this.db) throw sqliteError('SQLITE_MISUSE', 'SQLITE_MISUSE: Database is closed');
      if (method === 'exec') {
        this.db.exec(sql);
        return { context: new Statement(sql, 0, 0), error: null };
      }
      const bind = toBindParams(params);
      const statement = hasParams(bind) ? this.statements.get(this.db, sql) : this.db.prepare(sql);
      if (method === 'all' && statement.reader) {
        return { context: new Statement(sql, 0, 0), error: null, rows: statement.all(bind).map(toRow) };
      }
      const info = statement.run(bind);
      const context = new Statement(sql, Number(info.lastInsertRowid), info.changes);
      return { context, error: null, rows: method === 'all' ? [] : undefined };
    } catch (err) {
      return { context: new Statement(sql, 0, 0), error: toError(err) };
    } finally {
      // BEGIN keeps the lock until COMMIT/ROLLBACK; a statement outside a transaction gives it back at once.
      if (write && !this.inTransaction()) this.lock.release(this);
    }
  }

  private inTransaction(): boolean {
    try {
      return this.db?.inTransaction ?? false;
    } catch {
      return false;
    }
  }

  private busyError(): Error {
    const seconds = this.settings.lockTimeoutMs / 1000;
    return sqliteError(
      'SQLITE_BUSY',
      `SQLITE_BUSY: database is locked (another connection's transaction held ${this.filename} for ${seconds} s)`,
    );
  }
}

export interface SqliteDriver {
  Database: new (filename: string, mode?: number | DoneCallback, callback?: DoneCallback) => SqliteConnection;
  OPEN_READONLY: number;
  OPEN_READWRITE: number;
  OPEN_CREATE: number;
}

export function createSqliteDriver(options: SqliteDriverOptions = {}): SqliteDriver {
  const settings: Settings = { lockTimeoutMs: 15_000, busyTimeoutMs: 100, ...options };
  class Database extends SqliteConnection {
    constructor(filename: string, mode?: number | DoneCallback, callback?: DoneCallback) {
      super(settings, filename, mode, callback);
    }
  }
  return { Database, OPEN_READONLY, OPEN_READWRITE, OPEN_CREATE };
}

function open(filename: string, mode: number, busyTimeoutMs: number): Libsql.Database {
  const memory = filename === ':memory:' || filename === '';
  if (!memory && (mode & OPEN_CREATE) === 0 && !existsSync(filename)) {
    throw sqliteError('SQLITE_CANTOPEN', `SQLITE_CANTOPEN: unable to open database file ${filename}`);
  }
  const db = new Libsql(filename);
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (!memory) {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL'); // durable enough with WAL, and much faster than FULL
  }
  db.exec('PRAGMA foreign_keys = ON');
  if ((mode & OPEN_READWRITE) === 0) db.exec('PRAGMA query_only = ON');
  return db;
}

/** Statements that take the file lock: everything but reads. PRAGMAs here only change connection settings. */
function isWrite(sql: string): boolean {
  return !/^\s*(?:SELECT|PRAGMA|EXPLAIN)\b/i.test(sql);
}

function deliver(callback: QueryCallback | undefined, outcome: Outcome): void {
  // node-sqlite3 reports an error without a callback as an 'error' event that Sequelize never listens to.
  if (!callback) return;
  queueMicrotask(() => callback.call(outcome.context, outcome.error, outcome.rows));
}

/** Statements kept per connection; when full, they are all dropped and kept again as they come. */
const MAX_PREPARED = 200;

function hasParams(params: Params): boolean {
  return Array.isArray(params) ? params.length > 0 : Object.keys(params).length > 0;
}

function splitArgs(args: unknown[]): { params: Params; callback?: QueryCallback } {
  const last = args[args.length - 1];
  const callback = typeof last === 'function' ? (last as QueryCallback) : undefined;
  const rest = callback ? args.slice(0, -1) : args;
  const only = rest[0];
  if (rest.length === 1 && isParamObject(only)) return { params: only, callback };
  if (rest.length === 1 && Array.isArray(only)) return { params: only, callback };
  return { params: rest, callback };
}

function isParamObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** libsql names parameters without their prefix (`{ id: 1 }` binds `$id`) and binds NULL for unknown names. */
function toBindParams(params: Params): Params {
  if (Array.isArray(params)) return params.map(toBindValue);
  const named: Record<string, unknown> = {};
  for (const key of Object.keys(params)) named[key.replace(/^[$:@]/, '')] = toBindValue(params[key]);
  return named;
}

/** Converts what node-sqlite3 accepts into what libsql accepts (a boolean would abort the process). */
function toBindValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'boolean':
      return value ? 1 : 0;
    case 'number':
    case 'string':
    case 'bigint':
      return value;
  }
  if (value instanceof Date) return value.getTime();
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return String(value);
}

/** node-sqlite3 returns BLOBs as Buffers; libsql returns ArrayBuffers. */
function toRow(row: unknown): unknown {
  const record = row as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (value instanceof ArrayBuffer) record[key] = Buffer.from(value);
  }
  return record;
}

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
