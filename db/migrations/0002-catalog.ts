import { DataTypes, Op } from 'sequelize';
import {
  addIndex,
  createTable,
  currency,
  datetime,
  dropTables,
  id,
  integer,
  type MigrationParams,
  money,
  references,
  string,
  timestamps,
} from './helpers';

/** Category tree, tags, products, their images and tags. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(qi, 'categories', {
    id: id(),
    // A category with subcategories cannot be deleted. NO ACTION rather than RESTRICT: the same on MariaDB, but
    // SQLite checks it at the end of the statement, so dropping the whole table (down) still works.
    parent_id: references('categories', 'NO ACTION', true),
    slug: { ...string(120), unique: true },
    name: string(120),
    position: integer(0),
    ...timestamps(),
  });
  await addIndex(qi, 'categories', ['parent_id', 'position']);

  await createTable(qi, 'tags', {
    id: id(),
    slug: { ...string(80), unique: true },
    name: string(80),
    ...timestamps(),
  });

  await createTable(
    qi,
    'products',
    {
      id: id(),
      slug: { ...string(191), unique: true },
      title: string(200),
      description: { type: DataTypes.TEXT, allowNull: false },
      price_amount: money(),
      currency: currency(),
      status: { ...string(16), defaultValue: 'draft' },
      category_id: references('categories', 'SET NULL'),
      rating_average: integer(0),
      rating_count: integer(0),
      ...timestamps(),
    },
    [
      { name: 'products_price_non_negative', where: { price_amount: { [Op.gte]: 0 } } },
      { name: 'products_rating_average_range', where: { rating_average: { [Op.between]: [0, 500] } } },
      { name: 'products_rating_count_non_negative', where: { rating_count: { [Op.gte]: 0 } } },
    ],
  );
  await addIndex(qi, 'products', ['status', 'category_id']);
  await addIndex(qi, 'products', ['status', 'created_at']);
  await addIndex(qi, 'products', ['category_id']);
  await addIndex(qi, 'products', ['price_amount']);

  await createTable(qi, 'product_images', {
    id: id(),
    product_id: references('products', 'CASCADE'),
    storage_key: { ...string(191), unique: true },
    content_type: string(100),
    width: { type: DataTypes.INTEGER, allowNull: true },
    height: { type: DataTypes.INTEGER, allowNull: true },
    position: integer(0),
    alt: string(255, true),
    ...timestamps(),
  });
  await addIndex(qi, 'product_images', ['product_id', 'position']);

  await createTable(qi, 'product_tags', {
    product_id: { ...references('products', 'CASCADE'), primaryKey: true },
    tag_id: { ...references('tags', 'CASCADE'), primaryKey: true },
    created_at: datetime(),
  });
  await addIndex(qi, 'product_tags', ['tag_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['product_tags', 'product_images', 'products', 'tags', 'categories']);
}
