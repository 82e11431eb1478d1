import { randomBytes } from 'node:crypto';
import type { Category, Database, Product, Tag } from '@market/db';

/** A word no other test uses and no stemmer changes (consonants only), for full-text tests on a shared database. */
export function uniqueWord(): string {
  const letters = 'bcdfghkmnprtvz';
  return `x${[...randomBytes(7)].map((b) => letters[b % letters.length]).join('')}`;
}

export interface CatalogFixture {
  word: string;
  root: Category;
  /** Child of root, parent of leaf. */
  mid: Category;
  leaf: Category;
  /** Second child of root. */
  side: Category;
  tagA: Tag;
  tagB: Tag;
  /** Title carries `word`; leaf; 15.00; 4.5★ (2); 10 in stock; tags A, B; has an image; oldest. */
  alpha: Product;
  /** Description carries `word`; mid; 30.00; 3★; out of stock; tag A. */
  beta: Product;
  /** side; 500.00; unrated; 3 in stock (low); no tags. */
  gamma: Product;
  /** mid; 8.00; 2★; 100 in stock; tag B; newest. */
  delta: Product;
  /** A draft in mid whose title carries `word`: never shown. */
  draft: Product;
}

/**
 * Four active products and a draft in a category tree of their own (root → mid → leaf, root → side), with unique
 * slugs, so a test filters on `root` and sees nothing of other tests' data.
 */
export async function createCatalogFixture(db: Database): Promise<CatalogFixture> {
  const { Category, Tag, Product, ProductTag, Inventory, ProductImage } = db.models;
  const id = randomBytes(5).toString('hex');
  const word = uniqueWord();
  const root = await Category.create({ slug: `root-${id}`, name: `Root ${id}`, position: 0 });
  const mid = await Category.create({ slug: `mid-${id}`, name: `Mid ${id}`, parentId: root.id, position: 1 });
  const side = await Category.create({
    slug: `side-${id}`,
    name: `Side ${id}`,
    parentId: root.id,
    position: 2,
  });
  const leaf = await Category.create({ slug: `leaf-${id}`, name: `Leaf ${id}`, parentId: mid.id });
  const tagA = await Tag.create({ slug: `eco-${id}`, name: `Eco ${id}` });
  const tagB = await Tag.create({ slug: `gift-${id}`, name: `Gift ${id}` });

  const base = Date.UTC(2026, 0, 1);
  const product = async (
    n: number,
    fields: Partial<Product> & Pick<Product, 'title' | 'priceAmount'>,
    stock: number | null,
    tags: Tag[],
  ) => {
    const created = await Product.create({
      slug: `p${n}-${id}`,
      description: 'Plain text.',
      currency: 'EUR',
      status: 'active',
      createdAt: new Date(base + n * 60_000),
      ...fields,
    });
    if (stock !== null)
      await Inventory.create({ productId: created.id, onHand: stock, lowStockThreshold: 5 });
    for (const tag of tags) await ProductTag.create({ productId: created.id, tagId: tag.id });
    return created;
  };
  const alpha = await product(
    1,
    {
      title: `Brass ${word} Lamp`,
      priceAmount: 1_500,
      categoryId: leaf.id,
      ratingAverage: 450,
      ratingCount: 2,
    },
    10,
    [tagA, tagB],
  );
  await ProductImage.create({
    productId: alpha.id,
    storageKey: `products/${alpha.slug}/front.jpg`,
    contentType: 'image/jpeg',
    position: 0,
  });
  const beta = await product(
    2,
    {
      title: 'Copper Kettle',
      description: `Pairs well with a ${word} on the side.`,
      priceAmount: 3_000,
      categoryId: mid.id,
      ratingAverage: 300,
      ratingCount: 1,
    },
    0,
    [tagA],
  );
  const gamma = await product(3, { title: 'Oak Table', priceAmount: 50_000, categoryId: side.id }, 3, []);
  const delta = await product(
    4,
    { title: 'Wool Socks', priceAmount: 800, categoryId: mid.id, ratingAverage: 200, ratingCount: 4 },
    100,
    [tagB],
  );
  const draft = await product(
    5,
    { title: `Draft ${word}`, priceAmount: 100, categoryId: mid.id, status: 'draft' },
    5,
    [tagA],
  );
  return { word, root, mid, leaf, side, tagA, tagB, alpha, beta, gamma, delta, draft };
}
