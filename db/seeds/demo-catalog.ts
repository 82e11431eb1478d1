import type { Transaction } from 'sequelize';
import type { Database } from '../database';
import {
  ADJECTIVES,
  BRANDS,
  CATEGORY_TREE,
  COLOURS,
  FEATURES,
  type LeafCategory,
  TAGS,
} from './catalog-data';
import { createRandom, type Random } from './random';

export interface SeedDemoCatalogOptions {
  products: number;
  /** ISO 4217 code the products are priced in (the shop's currency); EUR by default. */
  currency?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoCatalogResult {
  /** True when products already existed, so nothing was written. */
  skipped: boolean;
  categories: number;
  tags: number;
  products: number;
}

const CHUNK = 500;
const CURRENCY = 'EUR';
const DAY_MS = 86_400_000;

/**
 * Generates a demo catalog: a category tree, tags, and `products` products with stock (plus the matching restock
 * row in the ledger) and ratings. Deterministic (product i is the same whatever the total) and local: no network.
 * Does nothing when any product exists. Products go in chunks, one transaction per chunk, so 10k take seconds.
 */
export async function seedDemoCatalog(
  db: Database,
  options: SeedDemoCatalogOptions,
): Promise<SeedDemoCatalogResult> {
  const { Product } = db.models;
  if ((await Product.count()) > 0) return { skipped: true, categories: 0, tags: 0, products: 0 };

  const categories = await ensureCategories(db);
  const tags = await ensureTags(db);
  const leaves = CATEGORY_TREE.flatMap((top) => top.children);
  const now = Date.now();
  options.onProgress?.(0, options.products);
  for (let start = 0; start < options.products; start += CHUNK) {
    const end = Math.min(start + CHUNK, options.products);
    const drafts: ProductDraft[] = [];
    for (let i = start; i < end; i++) drafts.push(generateProduct(i, leaves, now));
    await db.sequelize.transaction((transaction) =>
      insertChunk(db, drafts, categories, tags.ids, transaction, options.currency ?? CURRENCY),
    );
    options.onProgress?.(end, options.products);
  }
  return { skipped: false, categories: categories.created, tags: tags.created, products: options.products };
}

interface ProductDraft {
  slug: string;
  title: string;
  description: string;
  priceAmount: number;
  status: 'active' | 'draft';
  categorySlug: string;
  ratingAverage: number;
  ratingCount: number;
  onHand: number;
  tagSlugs: string[];
  createdAt: Date;
}

function generateProduct(index: number, leaves: readonly LeafCategory[], now: number): ProductDraft {
  // One generator per product: product i does not depend on how many are seeded, or in which chunk.
  const random = createRandom(Math.imul(index + 1, 0x9e3779b1));
  const leaf = random.pick(leaves);
  const [noun, minEuros, maxEuros] = random.pick(leaf.items);
  const brand = random.pick(BRANDS);
  const colour = random.chance(0.5) ? `, ${random.pick(COLOURS)}` : '';
  const title = `${brand} ${random.pick(ADJECTIVES)} ${noun}${colour}`;
  const rated = random.chance(0.8);
  return {
    slug: `${slugify(title)}-${index + 1}`,
    title,
    description: describe(random, title, brand, leaf.name),
    priceAmount: price(random, minEuros, maxEuros),
    status: random.chance(0.03) ? 'draft' : 'active',
    categorySlug: leaf.slug,
    // Hundredths of a star, skewed towards good ratings as real shops are.
    ratingAverage: rated ? Math.round(500 - 220 * random.next() ** 2) : 0,
    ratingCount: rated ? 1 + Math.floor(random.next() ** 3 * 800) : 0,
    onHand: stock(random),
    tagSlugs: random.sample(TAGS, random.int(0, 3)).map(slugify),
    createdAt: new Date(now - Math.floor(random.next() * 365 * DAY_MS)),
  };
}

function describe(random: Random, title: string, brand: string, category: string): string {
  const [first, second] = random.sample(FEATURES, 2);
  return `${title}: ${brand}'s take on ${category.toLowerCase()}. ${first} ${second}`;
}

/** Minor units ending like shop prices do: 49.99, 49.95, 49.49 or 49.00. */
function price(random: Random, minEuros: number, maxEuros: number): number {
  const euros = random.int(minEuros, maxEuros - 1);
  return euros * 100 + random.pick([99, 99, 95, 49, 0]);
}

/** Some out of stock, some low, most comfortable: the storefront and the alerts both have something to show. */
function stock(random: Random): number {
  const roll = random.next();
  if (roll < 0.04) return 0;
  if (roll < 0.12) return random.int(1, 5);
  return random.int(6, 250);
}

async function insertChunk(
  db: Database,
  drafts: ProductDraft[],
  categories: CategoryIds,
  tagIds: Map<string, number>,
  transaction: Transaction,
  currency: string,
): Promise<void> {
  const { Product, Inventory, StockMovement, ProductTag } = db.models;
  await Product.bulkCreate(
    drafts.map((d) => ({
      slug: d.slug,
      title: d.title,
      description: d.description,
      priceAmount: d.priceAmount,
      currency,
      status: d.status,
      categoryId: categories.ids.get(d.categorySlug) ?? null,
      ratingAverage: d.ratingAverage,
      ratingCount: d.ratingCount,
      createdAt: d.createdAt,
      updatedAt: d.createdAt,
    })),
    { transaction },
  );
  // Read the ids back by slug rather than trusting each dialect's bulk-insert id arithmetic.
  const rows = await Product.findAll({
    attributes: ['id', 'slug'],
    where: { slug: drafts.map((d) => d.slug) },
    raw: true,
    transaction,
  });
  const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  const withIds = drafts.map((d) => ({ ...d, productId: idBySlug.get(d.slug)! }));
  await Inventory.bulkCreate(
    withIds.map((d) => ({ productId: d.productId, onHand: d.onHand })),
    { transaction },
  );
  await StockMovement.bulkCreate(
    withIds
      .filter((d) => d.onHand > 0)
      .map((d) => ({
        productId: d.productId,
        delta: d.onHand,
        reason: 'restock' as const,
        reference: 'seed',
      })),
    { transaction },
  );
  await ProductTag.bulkCreate(
    withIds.flatMap((d) => d.tagSlugs.map((slug) => ({ productId: d.productId, tagId: tagIds.get(slug)! }))),
    { transaction },
  );
}

interface CategoryIds {
  ids: Map<string, number>;
  created: number;
}

/** Creates whatever part of the tree is missing (so a seed interrupted after this step can be re-run). */
async function ensureCategories(db: Database): Promise<CategoryIds> {
  const { Category } = db.models;
  const ids = new Map((await Category.findAll({ raw: true })).map((c) => [c.slug, c.id]));
  let created = 0;
  const ensure = async (slug: string, name: string, position: number, parentId: number | null) => {
    if (!ids.has(slug)) {
      ids.set(slug, (await Category.create({ slug, name, position, parentId })).id);
      created++;
    }
    return ids.get(slug)!;
  };
  for (const [position, top] of CATEGORY_TREE.entries()) {
    const parentId = await ensure(top.slug, top.name, position, null);
    for (const [childPosition, child] of top.children.entries()) {
      await ensure(child.slug, child.name, childPosition, parentId);
    }
  }
  return { ids, created };
}

async function ensureTags(db: Database): Promise<{ ids: Map<string, number>; created: number }> {
  const { Tag } = db.models;
  const existing = new Set((await Tag.findAll({ attributes: ['slug'], raw: true })).map((t) => t.slug));
  const missing = TAGS.filter((name) => !existing.has(slugify(name)));
  await Tag.bulkCreate(missing.map((name) => ({ slug: slugify(name), name })));
  const ids = new Map((await Tag.findAll({ raw: true })).map((t) => [t.slug, t.id]));
  return { ids, created: missing.length };
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
