import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DataTypes,
  ForeignKeyConstraintError,
  Model,
  Sequelize,
  TimeoutError,
  UniqueConstraintError,
} from 'sequelize';
import { createSqliteDriver, type SqliteConnection, type Statement } from './sqlite-driver';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'market-sqlite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function open(file = path.join(dir, 'test.sqlite'), options = {}): Promise<SqliteConnection> {
  const { Database, OPEN_READWRITE, OPEN_CREATE } = createSqliteDriver(options);
  return new Promise((resolve, reject) => {
    const db = new Database(file, OPEN_READWRITE | OPEN_CREATE, (err) => (err ? reject(err) : resolve(db)));
  });
}

function run(db: SqliteConnection, sql: string, params: unknown = []): Promise<Statement> {
  return new Promise((resolve, reject) =>
    db.run(sql, params, function (this: Statement, err: Error | null) {
      if (err) reject(err);
      else resolve(this);
    }),
  );
}

function all(db: SqliteConnection, sql: string, params: unknown = []): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (err: Error | null, rows?: unknown[]) =>
      err ? reject(err) : resolve(rows as Record<string, unknown>[]),
    ),
  );
}

describe('the node-sqlite3 callback API', () => {
  it('runs statements with positional and named parameters and reports lastID and changes', async () => {
    const db = await open();
    await run(
      db,
      'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, flag INTEGER, data BLOB)',
    );
    const first = await run(db, 'INSERT INTO t (name, flag) VALUES (?, ?)', ['a', true]);
    expect(first.constructor.name).toBe('Statement');
    expect([first.lastID, first.changes]).toEqual([1, 1]);
    await run(db, 'INSERT INTO t (name, flag, data) VALUES ($name, $flag, $data)', {
      $name: 'b',
      $flag: false,
      $data: Buffer.from('hi'),
    });
    await run(db, 'INSERT INTO t (name, flag) VALUES ($1, $2)', { $1: 'c', $2: undefined });
    const updated = await run(db, 'UPDATE t SET flag = 1 WHERE id > ?', [1]);
    expect(updated.changes).toBe(2);
    const rows = await all(db, 'SELECT name, flag, data FROM t WHERE id >= $min ORDER BY id', { $min: 1 });
    expect(rows).toEqual([
      { name: 'a', flag: 1, data: null },
      { name: 'b', flag: 1, data: Buffer.from('hi') },
      { name: 'c', flag: 1, data: null },
    ]);
    expect(await all(db, 'DELETE FROM t WHERE id = 3')).toEqual([]);
    await new Promise((resolve) => db.close(resolve));
  });

  it('prepares a statement sent with parameters once, and answers each call with its own values', async () => {
    const db = await open();
    await run(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const insert = 'INSERT INTO t (id, name) VALUES ($1, $2)';
    for (const [id, name] of [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const)
      await run(db, insert, { $1: id, $2: name });
    const byId = 'SELECT * FROM t WHERE id = ?';
    expect(await all(db, byId, [2])).toEqual([{ id: 2, name: 'b' }]);
    expect(await all(db, byId, [3])).toEqual([{ id: 3, name: 'c' }]);
    expect(await all(db, byId, [9])).toEqual([]);
    // A kept statement still sees the table as it is now.
    await run(db, 'ALTER TABLE t ADD COLUMN price INTEGER');
    expect(await all(db, byId, [1])).toEqual([{ id: 1, name: 'a', price: null }]);
    // More distinct statements than are kept: each still answers right.
    for (let i = 0; i < 250; i++) {
      expect(await all(db, `SELECT name, ${i} AS n FROM t WHERE id = ?`, [1])).toEqual([{ name: 'a', n: i }]);
    }
    expect(await all(db, byId, [2])).toEqual([{ id: 2, name: 'b', price: null }]);
    await new Promise((resolve) => db.close(resolve));
  });

  it('opens files in WAL mode with foreign keys on', async () => {
    const db = await open();
    expect(await all(db, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await all(db, 'PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    db.close();
  });

  it('reports errors with SQLite codes', async () => {
    const db = await open();
    await run(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE)');
    await run(db, 'INSERT INTO t (email) VALUES (?)', ['a@example.com']);
    await expect(run(db, 'INSERT INTO t (email) VALUES (?)', ['a@example.com'])).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
      message: expect.stringContaining('UNIQUE constraint failed: t.email'),
    });
    await expect(all(db, 'SELECT * FROM missing')).rejects.toThrow(/no such table/);
    db.close();
  });
});

describe('the file lock', () => {
  it('makes a write from another connection wait for the transaction, while reads go on', async () => {
    const file = path.join(dir, 'lock.sqlite');
    const [a, b] = [await open(file), await open(file)];
    await run(a, 'CREATE TABLE t (n INTEGER)');
    await run(a, 'BEGIN');
    await run(a, 'INSERT INTO t VALUES (1)');
    let written = false;
    const write = run(b, 'INSERT INTO t VALUES (2)').then(() => (written = true));
    await sleep(50);
    expect(written).toBe(false);
    expect(await all(b, 'SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 0 }]); // the snapshot before BEGIN
    await run(a, 'COMMIT');
    await write;
    expect(await all(b, 'SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 2 }]);
    a.close();
    b.close();
  });

  it('gives up with SQLITE_BUSY after the timeout, and is released by ROLLBACK and by close', async () => {
    const file = path.join(dir, 'busy.sqlite');
    const [a, b] = [await open(file, { lockTimeoutMs: 50 }), await open(file, { lockTimeoutMs: 50 })];
    await run(a, 'CREATE TABLE t (n INTEGER)');
    await run(a, 'BEGIN');
    await expect(run(b, 'INSERT INTO t VALUES (1)')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await run(a, 'ROLLBACK');
    await run(b, 'INSERT INTO t VALUES (1)');
    await run(b, 'BEGIN');
    b.close();
    await run(a, 'INSERT INTO t VALUES (2)');
    expect(await all(a, 'SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    a.close();
  });
});

describe('Sequelize on the driver', () => {
  class Account extends Model {
    declare id: number;
    declare email: string;
  }
  class Note extends Model {
    declare accountId: number;
  }

  async function connect(options = {}): Promise<Sequelize> {
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: path.join(dir, 'sequelize.sqlite'),
      dialectModule: createSqliteDriver(options),
      logging: false,
    });
    const attributes = { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true } };
    Account.init({ ...attributes, email: { type: DataTypes.STRING, unique: true } }, { sequelize });
    Note.init({ ...attributes, accountId: { type: DataTypes.INTEGER, allowNull: false } }, { sequelize });
    Note.belongsTo(Account, { foreignKey: 'accountId' });
    await sequelize.sync();
    return sequelize;
  }

  it('commits two concurrent transactions', async () => {
    const sequelize = await connect();
    const slowly = (prefix: string, pause: number) =>
      sequelize.transaction(async (transaction) => {
        await Account.create({ email: `${prefix}-1@example.com` }, { transaction });
        await sleep(pause);
        await Account.create({ email: `${prefix}-2@example.com` }, { transaction });
      });
    await Promise.all([slowly('a', 40), slowly('b', 10), Account.create({ email: 'plain@example.com' })]);
    expect(await Account.count()).toBe(5);
    await sequelize.close();
  });

  it('maps a unique violation to UniqueConstraintError and a missing parent to ForeignKeyConstraintError', async () => {
    const sequelize = await connect();
    await Account.create({ email: 'taken@example.com' });
    const duplicate = await Account.create({ email: 'taken@example.com' }).catch((err: unknown) => err);
    expect(duplicate).toBeInstanceOf(UniqueConstraintError);
    expect((duplicate as UniqueConstraintError).fields).toEqual(['email']);
    await expect(Note.create({ accountId: 999 })).rejects.toBeInstanceOf(ForeignKeyConstraintError);
    await sequelize.close();
  });

  it('fails a write blocked by a stuck transaction with TimeoutError', async () => {
    const sequelize = await connect({ lockTimeoutMs: 50 });
    const stuck = await sequelize.transaction();
    await Account.create({ email: 'inside@example.com' }, { transaction: stuck });
    await expect(Account.create({ email: 'outside@example.com' })).rejects.toBeInstanceOf(TimeoutError);
    await stuck.rollback();
    await Account.create({ email: 'outside@example.com' });
    expect(await Account.count()).toBe(1);
    await sequelize.close();
  });
});
