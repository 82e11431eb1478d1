import type { MigrationParams } from './helpers';
import { integer } from './helpers';

/**
 * The document format a stored product page was written in (api/services/product-pages.ts, PAGE_FORMAT): a body of
 * another format counts as empty, so a deploy that changes what a page holds never serves the old shape. Pages
 * stored before this column hold format 0 and are built anew.
 */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await qi.addColumn('product_pages', 'format', integer(0));
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await qi.removeColumn('product_pages', 'format');
}
