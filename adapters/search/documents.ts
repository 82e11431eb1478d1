import { Op } from 'sequelize';
import type { Category, Database } from '@market/db';
import type { IndexedDocument, ProductDocument } from './port';

/**
 * The search documents of `productIds`, read from the database in a fixed number of queries (products,
 * inventory, tags, the whole category tree) whatever the batch size. Ids with no product row are returned in
 * `missing`, so the caller can delete their documents. Drafts and archived products get documents too: the
 * document carries `status`, and the shop's searches filter on it.
 */
export async function buildProductDocuments(
  db: Database,
  productIds: readonly number[],
): Promise<{ documents: IndexedDocument[]; missing: number[] }> {
  const ids = [...new Set(productIds)];
  if (!ids.length) return { documents: [], missing: [] };
  const { Product, Inventory, ProductTag, Tag, Category } = db.models;
  const [products, stock, links, categories] = await Promise.all([
    Product.findAll({ where: { id: { [Op.in]: ids } } }),
    Inventory.findAll({ where: { productId: { [Op.in]: ids } } }),
    ProductTag.findAll({ where: { productId: { [Op.in]: ids } } }),
    Category.findAll({ attributes: ['id', 'parentId'] }),
  ]);
  const tagIds = [...new Set(links.map((link) => link.tagId))];
  const tags = tagIds.length ? await Tag.findAll({ where: { id: { [Op.in]: tagIds } } }) : [];

  const tagSlug = new Map(tags.map((tag) => [tag.id, tag.slug]));
  const tagsOf = new Map<number, string[]>();
  for (const link of links) {
    const slug = tagSlug.get(link.tagId);
    if (slug === undefined) continue;
    tagsOf.set(link.productId, [...(tagsOf.get(link.productId) ?? []), slug]);
  }
  const available = new Map(stock.map((row) => [row.productId, row.onHand - row.reserved]));
  const ancestry = categoryAncestry(categories);

  const found = new Set(products.map((product) => product.id));
  const documents = products.map((product): IndexedDocument => {
    const doc: ProductDocument = {
      id: product.id,
      slug: product.slug,
      title: product.title,
      description: product.description,
      tags: (tagsOf.get(product.id) ?? []).sort(),
      categoryIds: product.categoryId === null ? [] : (ancestry(product.categoryId) ?? []),
      priceAmount: Number(product.priceAmount),
      currency: product.currency,
      rating: product.ratingAverage,
      ratingCount: product.ratingCount,
      inStock: (available.get(product.id) ?? 0) > 0,
      status: product.status,
      createdAt: product.createdAt.toISOString(),
    };
    return { id: String(product.id), doc };
  });
  return { documents, missing: ids.filter((id) => !found.has(id)) };
}

/**
 * A category's id followed by its ancestors' ids (nearest first). A cycle (which the admin API refuses) stops the
 * walk instead of looping.
 */
export function categoryAncestry(
  categories: readonly Pick<Category, 'id' | 'parentId'>[],
): (categoryId: number) => number[] {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId ?? null]));
  return (categoryId) => {
    const chain: number[] = [];
    for (
      let id: number | null = categoryId;
      id !== null && !chain.includes(id);
      id = parentOf.get(id) ?? null
    ) {
      chain.push(id);
    }
    return chain;
  };
}
