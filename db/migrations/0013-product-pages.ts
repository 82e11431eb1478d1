import { DataTypes } from 'sequelize';
import { addIndex, createTable, integer, type MigrationParams, references } from './helpers';

/**
 * Precomputed product pages (api/services/product-pages.ts): each active product's page without its stock, written
 * the first time it is read and emptied (body NULL, version + 1) by every catalog change that could alter it.
 * product_page_related lists the products a page shows as related, so their stock is joined live and an edit of one
 * of them empties the pages that show it. related_id has no foreign key on purpose: a deleted product must still
 * find (and empty) the pages that showed it.
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(qi, 'product_pages', {
    product_id: { ...references('products', 'CASCADE'), primaryKey: true },
    version: integer(0),
    // MEDIUMTEXT on MariaDB (TEXT stops at 64 KB); SQLite's TEXT has no size.
    body: {
      type: qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('medium') : DataTypes.TEXT,
      allowNull: true,
    },
  });
  await createTable(qi, 'product_page_related', {
    product_id: { ...references('products', 'CASCADE'), primaryKey: true },
    position: { ...integer(), primaryKey: true },
    related_id: integer(),
  });
  await addIndex(qi, 'product_page_related', ['related_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await qi.dropTable('product_page_related');
  await qi.dropTable('product_pages');
}
