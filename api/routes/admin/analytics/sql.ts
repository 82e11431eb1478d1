import { QueryTypes } from 'sequelize';
import type { Database } from '@market/db';

/**
 * The little SQL that differs between MariaDB and SQLite, and reading what either returns. Aggregates are plain
 * SQL-92 plus a recursive CTE, which both engines run; only the day of a timestamp is spelled differently.
 */

export function select<T extends object>(
  db: Database,
  sql: string,
  replacements: Record<string, unknown>,
): Promise<T[]> {
  return db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
}

/**
 * `YYYY-MM-DD` of a timestamp column, in UTC. MariaDB's connection runs at +00:00; SQLite keeps timestamps as
 * UTC text (`2026-03-10 15:30:00.000`), whose first ten characters are the day.
 */
export function dayOf(db: Database, column: string): string {
  return db.dialect === 'mysql' ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `substr(${column}, 1, 10)`;
}

/** A count or a sum as a number: MariaDB returns SUM of BIGINT as a DECIMAL string, SQLite as a number. */
export function toInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value as string | bigint);
  if (!Number.isSafeInteger(n)) throw new Error(`Not a safe integer from the database: ${String(value)}`);
  return n;
}

/** A timestamp from a raw query: a Date on MariaDB, UTC text on SQLite. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value).trim();
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  return new Date(match ? `${match[1]}T${match[2]}${match[3] ?? 'Z'}` : text);
}
