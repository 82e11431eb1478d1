import type { IndexedDocument, ProductDocument, SearchQuery, SearchResult } from '../port';

/**
 * A small deterministic catalog for search tests. Category tree (id: name):
 *
 *   1 Home ── 2 Kitchen, 3 Lighting          4 Outdoor ── 5 Running
 *
 * Products 1–3 are the text fixtures (a lamp in the title, a lamp only in the description, a title with markup);
 * 4–30 are generated from word lists that stay well away from "lamp" and "kettle"; 31 is a name to misspell
 * ("aredn" for "Arden").
 */
export const CATEGORY_PARENTS: Record<number, number | null> = { 1: null, 2: 1, 3: 1, 4: null, 5: 4 };

/** The category and its ancestors, as ProductDocument.categoryIds wants them. */
export function categoryPath(categoryId: number): number[] {
  const path: number[] = [];
  for (let id: number | null | undefined = categoryId; id != null; id = CATEGORY_PARENTS[id]) path.push(id);
  return path;
}

const ADJECTIVES = ['Sturdy', 'Compact', 'Classic', 'Woven', 'Bright', 'Quiet', 'Rugged', 'Soft', 'Slim'];
const NOUNS = ['Mug', 'Chair', 'Towel', 'Bottle', 'Jacket', 'Glove', 'Bench', 'Basket', 'Cushion'];
const TAGS = ['eco', 'gift', 'sale', 'handmade', 'new'];
const LEAF_CATEGORIES = [2, 3, 5, 1, 4];

function product(id: number, fields: Partial<ProductDocument>, categoryId: number): ProductDocument {
  return {
    id,
    slug: `product-${id}`,
    title: `Product ${id}`,
    description: '',
    tags: [],
    categoryIds: categoryPath(categoryId),
    priceAmount: 1_000,
    currency: 'EUR',
    rating: 0,
    ratingCount: 0,
    inStock: true,
    status: 'active',
    createdAt: new Date(Date.UTC(2026, 0, 1) + id * 86_400_000).toISOString(),
    ...fields,
  };
}

export function catalogFixture(): ProductDocument[] {
  const docs: ProductDocument[] = [
    product(
      1,
      {
        title: 'Brass Desk Lamp',
        description: 'A warm light for late evenings, with a weighted base.',
        tags: ['gift', 'new'],
        priceAmount: 4_990,
        rating: 460,
        ratingCount: 12,
      },
      3,
    ),
    product(
      2,
      {
        title: 'Oak Side Table',
        description: 'Solid oak; pairs well with a reading lamp beside the sofa.',
        tags: ['handmade'],
        priceAmount: 12_900,
        rating: 410,
        ratingCount: 5,
      },
      1,
    ),
    product(
      3,
      {
        title: 'Paper Lamp Shade <Large>',
        description: 'Rice paper & bamboo.',
        tags: ['eco'],
        priceAmount: 1_500,
        rating: 320,
        ratingCount: 3,
      },
      3,
    ),
    product(
      4,
      {
        title: 'Whistling Kettle',
        description: 'Stainless steel, 2 litres.',
        priceAmount: 3_200,
        rating: 280,
      },
      2,
    ),
  ];
  for (let id = 5; id <= 30; id++) {
    const adjective = ADJECTIVES[id % ADJECTIVES.length] ?? 'Plain';
    const noun = NOUNS[(id * 7) % NOUNS.length] ?? 'Thing';
    docs.push(
      product(
        id,
        {
          title: `${adjective} ${noun} ${id}`,
          description: `A ${adjective.toLowerCase()} ${noun.toLowerCase()} for every day.`,
          tags: TAGS.filter((_, i) => (id + i) % 3 === 0),
          // Spread over every price bucket, with some equal prices to exercise the id tie-breaker.
          priceAmount: [500, 999, 1_000, 2_499, 2_500, 7_500, 9_999, 10_000, 30_000][id % 9] ?? 1_000,
          rating: [0, 100, 150, 250, 300, 399, 400, 500][id % 8] ?? 0,
          ratingCount: id % 8 === 0 ? 0 : id % 5,
          inStock: id % 4 !== 0,
          status: id === 29 ? 'draft' : id === 30 ? 'archived' : 'active',
        },
        LEAF_CATEGORIES[id % LEAF_CATEGORIES.length] ?? 1,
      ),
    );
  }
  docs.push(
    product(
      31,
      {
        title: 'Arden Wool Throw',
        description: 'Named after the forest; soft merino.',
        tags: ['gift'],
        priceAmount: 6_400,
        rating: 450,
        ratingCount: 2,
      },
      1,
    ),
  );
  return docs;
}

export function asIndexed(docs: readonly ProductDocument[]): IndexedDocument[] {
  return docs.map((doc) => ({ id: String(doc.id), doc }));
}

/** Every active product of a fixture on one page, cheapest first. */
export const allProducts: SearchQuery = { sort: 'price_asc', page: 1, pageSize: 100 };

/** The hits' ids, in order. */
export const ids = (result: SearchResult) => result.hits.map((h) => h.id);
/** The documents' ids, as hits carry them. */
export const idsOf = (list: ProductDocument[]) => list.map((d) => String(d.id));
/** Ids in numeric order, for comparing sets of hits. */
export const sortedIds = (list: string[]) => [...list].sort((a, b) => Number(a) - Number(b));
