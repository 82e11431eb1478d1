import { categoryAncestry } from '@market/adapters/search/documents';
import type { AppDeps } from '../../deps';
import { NotFoundError } from '../../errors';
import { type PresentedProduct, presentProduct } from '../../presenters/product';
import { allCategories } from '../../services/catalog-index';
import { presentSummaryRow } from './listing';
import { imagesOf, productBySlug, relatedProducts, tagsOf } from './rows';

const RELATED_LIMIT = 4;

/**
 * One active product as its page shows it, in plain SQL rows (rows.ts) with the independent reads in parallel: the
 * product with its stock, then its images, tags, related products and the category tree (cached per catalog
 * generation) at once; the related products come with their first images.
 */
export async function loadProductPage(deps: AppDeps, slug: string): Promise<PresentedProduct> {
  const product = await productBySlug(deps, slug);
  if (!product) throw new NotFoundError('There is no product with this slug.');

  const { categoryId } = product;
  const [images, tags, categories, related] = await Promise.all([
    imagesOf(deps, [product.id]),
    tagsOf(deps, product.id),
    categoryId === null ? [] : allCategories(deps),
    categoryId === null ? [] : relatedProducts(deps, categoryId, product.id, RELATED_LIMIT),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const breadcrumbs =
    categoryId === null
      ? []
      : categoryAncestry(categories)(categoryId)
          .reverse()
          .flatMap((id) => byId.get(id) ?? []);
  return presentProduct(
    deps.storage,
    { ...product, category: categoryId === null ? null : (byId.get(categoryId) ?? null), tags, images },
    {
      breadcrumbs,
      related: await Promise.all(related.map((row) => presentSummaryRow(deps, row))),
    },
  );
}
