import { categoryAncestry } from '@market/adapters/search/documents';
import type { Inventory } from '@market/db';
import type { AppDeps } from '../../deps';
import {
  type LiveParts,
  type PresentedProduct,
  presentProduct,
  type ProductRow,
} from '../../presenters/product';
import { presentSummaryRow } from './listing';
import { allCategoriesNow, imagesOf, type PageRow, relatedProducts, type SummaryRow, tagsOf } from './rows';

const RELATED_LIMIT = 4;

type Named = { slug: string; name: string };
type Stock = Pick<Inventory, 'onHand' | 'reserved' | 'lowStockThreshold'> | null;
type WithoutStock<T> = Omit<T, 'inventory'>;

/**
 * What a product page is made of: what presentProduct() needs, less the stock, which changes with every order and
 * is joined live, and less the image URLs, which are presigned for an hour and so are made when the page is served.
 * It is stored as its template (page-template.ts), the page's JSON with holes for those parts.
 */
export interface PageDocument {
  product: WithoutStock<Omit<PageRow, 'categoryId'>> & {
    category: Named | null;
    tags: Named[];
    images: { storageKey: string; alt: string | null; width: number | null; height: number | null }[];
  };
  breadcrumbs: Named[];
  related: WithoutStock<SummaryRow>[];
}

/** Stock by product id: the page's product and its related products. */
export type StockById = ReadonlyMap<number, Stock>;

/**
 * Reads the page of this active product (its row, as productBySlug gave it, with its stock) from the catalog
 * tables: images, tags, related products and the category tree at once. The category tree is read here, not from
 * the per-generation memo, so a document built after a category edit never carries the old names.
 */
export async function buildPageDocument(
  deps: Pick<AppDeps, 'db'>,
  row: PageRow,
): Promise<{ document: PageDocument; stock: StockById }> {
  const { categoryId, inventory, ...product } = row;
  const [images, tags, categories, related] = await Promise.all([
    imagesOf(deps, [product.id]),
    tagsOf(deps, product.id),
    categoryId === null ? [] : allCategoriesNow(deps),
    categoryId === null ? [] : relatedProducts(deps, categoryId, product.id, RELATED_LIMIT),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const named = (c: Named): Named => ({ slug: c.slug, name: c.name });
  const breadcrumbs =
    categoryId === null
      ? []
      : categoryAncestry(categories)(categoryId)
          .reverse()
          .flatMap((id) => (byId.has(id) ? [named(byId.get(id)!)] : []));
  const category = categoryId === null ? undefined : byId.get(categoryId);
  const document: PageDocument = {
    product: {
      ...product,
      category: category ? named(category) : null,
      tags: tags.map(named),
      images: images.map((i) => ({ storageKey: i.storageKey, alt: i.alt, width: i.width, height: i.height })),
    },
    breadcrumbs,
    related: related.map(({ inventory: _stock, ...summary }) => summary),
  };
  const stock = new Map<number, Stock>([
    [product.id, inventory ?? null],
    ...related.map((r): [number, Stock] => [r.id, r.inventory ?? null]),
  ]);
  return { document, stock };
}

/**
 * The page presented from its document: with live parts and this stock, the page as shoppers get it; with a
 * template's slots, the page's template (page-template.ts).
 */
export async function presentDocument(
  parts: LiveParts,
  document: PageDocument,
  stock: StockById,
): Promise<PresentedProduct> {
  const withStock = <T extends { id: number }>(row: T): T & Pick<ProductRow, 'inventory'> => ({
    ...row,
    inventory: stock.get(row.id) ?? null,
  });
  return presentProduct(parts, withStock(document.product), {
    breadcrumbs: document.breadcrumbs,
    related: await Promise.all(document.related.map((row) => presentSummaryRow(parts, withStock(row)))),
  });
}
