import {
  DataTypes,
  type ModelAttributeColumnOptions,
  type QueryInterface,
  type WhereOptions,
} from 'sequelize';

/**
 * Column builders and a createTable() shared by the migrations. Everything here goes through QueryInterface, so
 * the same migration runs on MariaDB and on SQLite. Column names are snake_case, as the models expect.
 */

export type Columns = Record<string, ModelAttributeColumnOptions>;
export type OnDelete = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL';

export interface Check {
  name: string;
  where: WhereOptions;
}

/** What umzug passes to a migration's up and down. */
export interface MigrationParams {
  context: QueryInterface;
}

export const id = (): ModelAttributeColumnOptions => ({
  type: DataTypes.INTEGER,
  primaryKey: true,
  autoIncrement: true,
  allowNull: false,
});

/** DATETIME(3) on MariaDB: millisecond precision, like SQLite's text timestamps. */
export const datetime = (allowNull = false): ModelAttributeColumnOptions => ({
  type: DataTypes.DATE(3),
  allowNull,
});

export const timestamps = (): Columns => ({ created_at: datetime(), updated_at: datetime() });

export const references = (
  table: string,
  onDelete: OnDelete,
  allowNull = false,
): ModelAttributeColumnOptions => ({
  type: DataTypes.INTEGER,
  allowNull: allowNull || onDelete === 'SET NULL',
  references: { model: table, key: 'id' },
  onDelete,
  // No ON UPDATE action: ids never change, and MariaDB refuses CHECKs on columns with an updating action.
});

export const string = (length: number, allowNull = false): ModelAttributeColumnOptions => ({
  type: DataTypes.STRING(length),
  allowNull,
});

/** Case-sensitive (utf8mb4_bin on MariaDB): tokens and keys where "aB" and "Ab" are different values. */
export const binaryString = (length: number, allowNull = false): ModelAttributeColumnOptions => ({
  type: DataTypes.STRING(length).BINARY,
  allowNull,
});

export const integer = (defaultValue?: number): ModelAttributeColumnOptions => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  ...(defaultValue === undefined ? {} : { defaultValue }),
});

/** Money in minor units. BIGINT: totals of large orders in currencies with tiny units overflow INT. */
export const money = (): ModelAttributeColumnOptions => ({ type: DataTypes.BIGINT, allowNull: false });

export const currency = (): ModelAttributeColumnOptions => ({ type: DataTypes.CHAR(3), allowNull: false });

export const boolean = (defaultValue: boolean): ModelAttributeColumnOptions => ({
  type: DataTypes.BOOLEAN,
  allowNull: false,
  defaultValue,
});

/**
 * Creates a table, then its CHECK constraints (MariaDB enforces them since 10.2; SQLite gets them by Sequelize
 * rebuilding the table, cheap while it is empty, which is why indexes are added afterwards).
 */
export async function createTable(qi: QueryInterface, table: string, columns: Columns, checks: Check[] = []) {
  await qi.createTable(table, columns, { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' });
  for (const check of checks) {
    await qi.addConstraint(table, { type: 'check', name: check.name, fields: [], where: check.where });
  }
}

export async function addIndex(
  qi: QueryInterface,
  table: string,
  fields: string[],
  options: { unique?: boolean } = {},
): Promise<void> {
  await qi.addIndex(table, fields, { name: `${table}_${fields.join('_')}`, unique: options.unique ?? false });
}

/** Drops tables in the order given (children first, so foreign keys never block). */
export async function dropTables(qi: QueryInterface, tables: string[]): Promise<void> {
  for (const table of tables) await qi.dropTable(table);
}
