import { seededRandom } from '@market/adapters/search/testing/random';
import type { LiveParts } from '../../presenters/product';
import { availabilityOf } from '../../presenters/product';
import { type PageDocument, presentDocument, type StockById } from './page-document';
import { cut, renderTemplate, storablePage, templateOf } from './page-template';

// Texts a page may hold: quotes, backslashes, non-ASCII, a control character and what a slot looks like in JSON.
const AWKWARD = ['Oak "Table"', 'C:\\path', 'Café 🙂', 'tab\there', 'line\u2028sep', '\u0001', '\\u0001', ''];

function randomDocument(seed: number): { document: PageDocument; stock: StockById } {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[next(items.length)]!;
  const text = () => `${pick(AWKWARD)}${next(1000)}${pick(AWKWARD)}`;
  const named = () => ({ slug: `s-${next(1e6)}`, name: text() });
  const many = <T>(max: number, make: () => T) => Array.from({ length: next(max + 1) }, make);
  const key = () => `products/${next(1e6)}/images/${next(1e6)}/original.jpg`;
  const row = (id: number) => ({
    id,
    slug: `p-${id}`,
    title: text(),
    priceAmount: next(100_000),
    currency: pick(['EUR', 'USD']),
    ratingAverage: next(501),
    ratingCount: next(50),
  });
  const id = 1 + next(1000);
  const related = many(4, () => ({ ...row(2000 + next(1000)), thumbnailKey: next(3) ? key() : null }));
  const document: PageDocument = {
    product: {
      ...row(id),
      description: text(),
      category: next(4) ? named() : null,
      tags: many(4, named),
      images: many(3, () => ({
        storageKey: key(),
        alt: next(2) ? text() : null,
        width: next(2) ? next(4000) : null,
        height: next(2) ? next(4000) : null,
      })),
    },
    breadcrumbs: many(3, named),
    related,
  };
  const stockOf = () =>
    next(5) ? { onHand: next(20), reserved: next(5), lowStockThreshold: next(6) } : null;
  const stock = new Map([
    [id, stockOf()],
    ...related.map((r): [number, ReturnType<typeof stockOf>] => [r.id, stockOf()]),
  ]);
  return { document, stock };
}

/** Links that tell their key and how many times they were asked for. */
function countingParts(): LiveParts & { asked: Map<string, number> } {
  const asked = new Map<string, number>();
  return {
    asked,
    availability: (product) => availabilityOf(product.inventory),
    links: (storageKey) => {
      asked.set(storageKey, (asked.get(storageKey) ?? 0) + 1);
      const url = `https://img.example/${storageKey}?sig="x\u2028"`;
      return Promise.resolve({
        url,
        thumbnails: { small: `${url}&w=200`, medium: `${url}&w=400`, large: `${url}&w=800` },
      });
    },
  };
}

describe('cut', () => {
  test('without slots, is JSON.stringify', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      Number.NaN,
      true,
      'a"b\\c\u0001\u2028',
      [],
      {},
      [1, undefined, () => 1, 'x'],
      { a: undefined, b: () => 1, c: Symbol('s'), d: [{ e: null }], 'f"g': 1 },
      { toJSON: () => ({ when: 'then' }) },
      new Date(0),
      { nested: { deeper: [new Date(86_400_000), { x: [] }] } },
      // eslint-disable-next-line no-sparse-arrays -- an array with a hole is the case
      [1, , 3],
      { gone: { toJSON: () => undefined }, kept: 1 },
      [{ toJSON: () => undefined }],
      { s: new String('x'), n: new Number(2), b: new Boolean(false), list: [new String('y')] },
    ];
    for (const value of values) {
      expect(cut(value)).toEqual({ texts: [JSON.stringify(value)], holes: [] });
    }
  });
});

/** One page with every part, and the JSON shoppers got for it before templates: the presenter's contract. */
test('a fixed page is served as the shop has always served it', async () => {
  const image = (n: number) => ({
    storageKey: `products/7/u${n}/original.jpg`,
    alt: `View ${n}`,
    width: 800,
    height: 600,
  });
  const document: PageDocument = {
    product: {
      id: 7,
      slug: 'oak-table',
      title: 'Oak "Table"',
      priceAmount: 24900,
      currency: 'EUR',
      ratingAverage: 450,
      ratingCount: 12,
      description: 'Solid oak.',
      category: { slug: 'tables', name: 'Tables' },
      tags: [
        { slug: 'wood', name: 'Wood' },
        { slug: 'dining', name: 'Dining' },
      ],
      images: [image(1), image(2)],
    },
    breadcrumbs: [
      { slug: 'home', name: 'Home' },
      { slug: 'tables', name: 'Tables' },
    ],
    related: [
      {
        id: 8,
        slug: 'oak-chair',
        title: 'Oak Chair',
        priceAmount: 5900,
        currency: 'EUR',
        ratingAverage: 0,
        ratingCount: 0,
        thumbnailKey: 'products/8/u3/original.jpg',
      },
      {
        id: 9,
        slug: 'pine-bench',
        title: 'Pine Bench',
        priceAmount: 9900,
        currency: 'EUR',
        ratingAverage: 380,
        ratingCount: 5,
        thumbnailKey: null,
      },
    ],
  };
  const stock: StockById = new Map([
    [7, { onHand: 10, reserved: 2, lowStockThreshold: 3 }],
    [8, { onHand: 2, reserved: 0, lowStockThreshold: 3 }],
  ]);
  const links = (key: string) => {
    const url = `https://img.example/${key}?sig="x\u2028"`;
    return { url, thumbnails: { small: `${url}&w=200`, medium: `${url}&w=400`, large: `${url}&w=800` } };
  };
  const served = await renderTemplate(await templateOf(document), stock, countingParts());
  const expected = {
    id: 7,
    slug: 'oak-table',
    title: 'Oak "Table"',
    price: { amount: 24900, currency: 'EUR' },
    rating: { average: 4.5, count: 12 },
    availability: 'in_stock',
    thumbnailUrl: links('products/7/u1/original.jpg').url,
    thumbnails: links('products/7/u1/original.jpg').thumbnails,
    description: 'Solid oak.',
    category: { slug: 'tables', name: 'Tables' },
    breadcrumbs: [
      { slug: 'home', name: 'Home' },
      { slug: 'tables', name: 'Tables' },
    ],
    tags: [
      { slug: 'dining', name: 'Dining' },
      { slug: 'wood', name: 'Wood' },
    ],
    images: [1, 2].map((n) => ({
      url: links(`products/7/u${n}/original.jpg`).url,
      alt: `View ${n}`,
      width: 800,
      height: 600,
      thumbnails: links(`products/7/u${n}/original.jpg`).thumbnails,
    })),
    related: [
      {
        id: 8,
        slug: 'oak-chair',
        title: 'Oak Chair',
        price: { amount: 5900, currency: 'EUR' },
        rating: { average: 0, count: 0 },
        availability: 'low_stock',
        thumbnailUrl: links('products/8/u3/original.jpg').url,
        thumbnails: links('products/8/u3/original.jpg').thumbnails,
      },
      {
        id: 9,
        slug: 'pine-bench',
        title: 'Pine Bench',
        price: { amount: 9900, currency: 'EUR' },
        rating: { average: 3.8, count: 5 },
        availability: 'out_of_stock',
        thumbnailUrl: null,
        thumbnails: null,
      },
    ],
  };
  // The same text, keys in the same order: the ETag of an unchanged page stays the same.
  expect(served).toBe(JSON.stringify(expected));
});

describe('page templates', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'filled in, a template is the page as presented (seed %i)',
    async (seed) => {
      const { document, stock } = randomDocument(seed);
      const template = await templateOf(document);
      const expected = JSON.stringify(await presentDocument(countingParts(), document, stock));
      expect(await renderTemplate(template, stock, countingParts())).toBe(expected);
      // Stored and read back as JSON, as product_pages keeps it.
      const stored = JSON.parse(JSON.stringify(template)) as typeof template;
      expect(await renderTemplate(stored, stock, countingParts())).toBe(expected);
    },
  );

  test('holds no link and no stock: one hole for each, and an image is signed once per page', async () => {
    const { document, stock } = randomDocument(42);
    document.product.images.push({
      storageKey: 'products/1/images/2/original.jpg',
      alt: null,
      width: 1,
      height: 1,
    });
    const { template, relatedIds } = await storablePage(document);
    expect(relatedIds).toEqual(document.related.map((r) => r.id));
    expect(template.texts.join('')).not.toContain('img.example');
    const kinds = template.holes.map(([kind]) => kind);
    const withThumbnail = document.related.filter((r) => r.thumbnailKey !== null).length;
    const images = document.product.images.length;
    expect(kinds.filter((k) => k === 'availability')).toHaveLength(1 + document.related.length);
    // The first image is also the product's thumbnail: its URL and thumbnails twice.
    expect(kinds.filter((k) => k === 'url')).toHaveLength(images + 1 + withThumbnail);
    expect(kinds.filter((k) => k === 'thumbnails')).toHaveLength(images + 1 + withThumbnail);

    const parts = countingParts();
    const page = JSON.parse(await renderTemplate(template, stock, parts)) as { images: { url: string }[] };
    expect(page.images.at(-1)!.url).toContain('products/1/images/2/original.jpg?');
    expect(Math.max(...parts.asked.values())).toBe(1);
  });

  test('the same template shows the stock it is given', async () => {
    const { document } = randomDocument(7);
    const template = await templateOf(document);
    const id = document.product.id;
    const availability = async (stock: StockById) =>
      (JSON.parse(await renderTemplate(template, stock, countingParts())) as { availability: string })
        .availability;
    expect(await availability(new Map([[id, { onHand: 9, reserved: 0, lowStockThreshold: 2 }]]))).toBe(
      'in_stock',
    );
    expect(await availability(new Map([[id, { onHand: 3, reserved: 1, lowStockThreshold: 2 }]]))).toBe(
      'low_stock',
    );
    expect(await availability(new Map([[id, { onHand: 3, reserved: 3, lowStockThreshold: 2 }]]))).toBe(
      'out_of_stock',
    );
    expect(await availability(new Map())).toBe('out_of_stock');
  });
});
