import Libsql from 'libsql';
import { PreparedStatements } from './sqlite-statements';

/**
 * A connection of its own for the catalog's hot reads on SQLite (the stored product page, a listing's products):
 * the statement is run at once and its rows returned, without Sequelize. Sequelize's query path (its options,
 * hooks, retry wrapper and an `Error` whose stack it captures for every SQLite query) was 6–8 % of the embedded
 * product page (docs/benchmarks.md, eighth step). Reads only, and outside any transaction: with WAL they see what is
 * committed, never another connection's transaction in progress.
 */
export class SqliteReader {
  private db: Libsql.Database | null = null;
  /** The callers bind their values, so the texts are few. */
  private readonly statements = new PreparedStatements(100);

  constructor(private readonly file: string) {}

  /** The rows of a read (SELECT, WITH, EXPLAIN) whose values are bound (`$1`… or `?`, in order). */
  all<T>(sql: string, bind: readonly unknown[]): T[] {
    if (!/^\s*(?:SELECT|WITH|EXPLAIN)\b/i.test(sql))
      throw new Error(`SqliteReader runs reads only: ${sql.slice(0, 40)}`);
    return this.statements.get(this.connection(), sql).all([...bind]) as T[];
  }

  /**
   * Makes the planner read the statistics again after ANALYZE on another connection: SQLite loads them with the
   * schema, so the next read opens the connection anew (`ANALYZE sqlite_schema`, the other way, is a write).
   */
  reloadStatistics(): void {
    this.close();
  }

  close(): void {
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  private connection(): Libsql.Database {
    if (!this.db) {
      const db = new Libsql(this.file);
      db.exec('PRAGMA query_only = ON');
      this.db = db;
    }
    return this.db;
  }
}
