import { Op, type Sequelize, type WhereOptions, col, fn, literal, where } from 'sequelize';

// `!` rather than a backslash: MariaDB reads '\\' in a string literal as one backslash, SQLite as two, and
// ESCAPE needs exactly one character on both.
const ESCAPE = '!';

/** `q` as a LIKE pattern that matches it literally anywhere: `%`, `_` and the escape character lose their meaning. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[!%_]/g, (c) => ESCAPE + c)}%`;
}

/**
 * react-admin's full-text filter `q`: matches when any of `columns` contains `q`, ignoring case. The pattern is
 * quoted by the dialect's own escape(), so user input never becomes SQL.
 */
export function matchesText(sequelize: Sequelize, columns: string[], q: string): WhereOptions {
  const pattern = literal(`${sequelize.escape(containsPattern(q))} ESCAPE '${ESCAPE}'`);
  return { [Op.or]: columns.map((name) => where(fn('LOWER', col(name)), Op.like, pattern)) };
}
