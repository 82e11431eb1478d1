import { DataTypes, type Model, type ModelAttributeColumnOptions, type ModelStatic } from 'sequelize';

/**
 * A fresh subclass of `base` for each Sequelize instance. Model.init() stores the connection on the class itself,
 * so two databases in one process (a test opening MariaDB and SQLite) would otherwise steal each other's models.
 */
export function bindModel<M extends ModelStatic<Model>>(base: M): M {
  return class extends (base as unknown as typeof Model) {} as unknown as M;
}

/** Options every model shares: snake_case columns, created_at/updated_at. */
export const modelOptions = { underscored: true, timestamps: true } as const;

/** Millisecond timestamps on MariaDB too (DATETIME(3)), so timelines keep their order within a second. */
export const timestamp = (allowNull = false): ModelAttributeColumnOptions => ({
  type: DataTypes.DATE(3),
  allowNull,
});

export const timestampAttributes = { createdAt: timestamp(), updatedAt: timestamp() };

/** A foreign key column; the constraint itself lives in the migration. */
export const reference = (allowNull = false): ModelAttributeColumnOptions => ({
  type: DataTypes.INTEGER,
  allowNull,
});

/** Money: an integer amount in minor units (cents), never a float. */
export const money = (): ModelAttributeColumnOptions => ({ type: DataTypes.BIGINT, allowNull: false });

/**
 * A JSON column holding an object or array. MariaDB stores JSON as LONGTEXT, so through the mysql dialect it comes
 * back as a string; SQLite's dialect parses it already. The getter makes both return the parsed value.
 */
export const json = (name: string, allowNull = true): ModelAttributeColumnOptions => ({
  type: DataTypes.JSON,
  allowNull,
  get(this: Model) {
    const value: unknown = this.getDataValue(name);
    return typeof value === 'string' ? JSON.parse(value) : value;
  },
});
