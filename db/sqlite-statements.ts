import type Libsql from 'libsql';

/**
 * A connection's prepared statements, kept by SQL text so that a text sent again is not parsed again. At most
 * `max`: when full, they are all dropped and kept again as they come.
 */
export class PreparedStatements {
  private readonly byText = new Map<string, Libsql.Statement>();

  constructor(private readonly max: number) {}

  get(db: Libsql.Database, sql: string): Libsql.Statement {
    let statement = this.byText.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (this.byText.size >= this.max) this.byText.clear();
      this.byText.set(sql, statement);
    }
    return statement;
  }

  clear(): void {
    this.byText.clear();
  }
}
