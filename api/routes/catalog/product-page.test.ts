import request from 'supertest';
import { createApp } from '../../app';
import { catalogChanged } from '../../services/catalog-events';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { type CatalogFixture, createCatalogFixture } from './testing';

let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let fx: CatalogFixture;

beforeAll(async () => {
  deps = await createTestDeps();
  // Listings here search SQL (products.test.ts covers both): the point is the cache in front of them.
  app = createApp({ ...deps, search: null });
  fx = await createCatalogFixture(deps.db);
  await catalogChanged(deps, { productIds: [] });
});
afterAll(async () => {
  await deps.close();
});

describe('GET /api/products/:slug', () => {
  test('shows an active product with images, availability, rating, breadcrumbs and related products', async () => {
    const res = await request(app).get(`/api/products/${fx.alpha.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: fx.alpha.id,
      slug: fx.alpha.slug,
      title: fx.alpha.title,
      description: 'Plain text.',
      price: { amount: 1_500, currency: 'EUR' },
      rating: { average: 4.5, count: 2 },
      availability: 'in_stock',
      category: { slug: fx.leaf.slug, name: fx.leaf.name },
      breadcrumbs: [fx.root, fx.mid, fx.leaf].map((c) => ({ slug: c.slug, name: c.name })),
      tags: [fx.tagA, fx.tagB].map((t) => ({ slug: t.slug, name: t.name })),
      images: [
        {
          url: expect.stringContaining('front.jpg'),
          alt: null,
          width: null,
          height: null,
          thumbnails: {
            small: expect.stringMatching(/thumb-200\.webp/),
            medium: expect.stringMatching(/thumb-400\.webp/),
            large: expect.stringMatching(/thumb-800\.webp/),
          },
        },
      ],
      thumbnailUrl: expect.stringContaining('front.jpg'),
      thumbnails: { medium: expect.stringMatching(/thumb-400\.webp/) },
      related: [],
    });
  });

  test('an image keeps its URL from view to view and across pages, valid for an hour at least', async () => {
    const page = await request(app).get(`/api/products/${fx.alpha.slug}`);
    await catalogChanged(deps, { productIds: [fx.alpha.id] }); // neither the response cache nor the stored page
    const again = await request(app).get(`/api/products/${fx.alpha.slug}`);
    const listing = await request(app).get('/api/products').query({ q: fx.alpha.title });
    expect(again.body.images).toEqual(page.body.images);
    const listed = listing.body.items.find((p: { id: number }) => p.id === fx.alpha.id);
    expect(listed.thumbnailUrl).toBe(page.body.thumbnailUrl);
    expect(listed.thumbnails.medium).toBe(page.body.images[0].thumbnails.medium);

    // S3 (X-Amz-Date + X-Amz-Expires) or the local adapter (exp).
    const url = new URL(page.body.images[0].url);
    const amzDate = url.searchParams.get('X-Amz-Date');
    const expiresAt = amzDate
      ? Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')) +
        Number(url.searchParams.get('X-Amz-Expires')) * 1000
      : Number(url.searchParams.get('exp')) * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(Date.now() + 3600_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);
    expect(expiresAt % 3600_000).toBe(0); // signed for the hour it is in, not for this request
  });

  test('related products: same category, active, not itself, best rated first', async () => {
    const res = await request(app).get(`/api/products/${fx.beta.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.availability).toBe('out_of_stock');
    expect(res.body.related.map((p: { slug: string }) => p.slug)).toEqual([fx.delta.slug]);
    expect(res.body.related[0]).toMatchObject({
      price: { amount: 800, currency: 'EUR' },
      availability: 'in_stock',
    });
  });

  test('low stock', async () => {
    const res = await request(app).get(`/api/products/${fx.gamma.slug}`);
    expect(res.body.availability).toBe('low_stock');
  });

  test.each([
    ['a draft', () => fx.draft.slug],
    ['an unknown slug', () => 'no-such-product-anywhere'],
  ])('404 for %s', async (_name, slug) => {
    const res = await request(app).get(`/api/products/${slug()}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('422 for a slug that cannot be one', async () => {
    const res = await request(app).get('/api/products/Not_A_Slug');
    expect(res.status).toBe(422);
  });
});

describe('caching', () => {
  test('ETag: a matching If-None-Match is a 304; after an edit the old tag no longer matches', async () => {
    const { Product } = deps.db.models;
    const product = await Product.create({
      slug: `etag-${fx.word}`,
      title: 'ETag Product',
      priceAmount: 1_000,
      currency: 'EUR',
      status: 'active',
    });
    const first = await request(app).get(`/api/products/${product.slug}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await request(app).get(`/api/products/${product.slug}`).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    await product.update({ title: 'ETag Product, renamed' });
    await catalogChanged(deps, { productIds: [product.id] });
    const changed = await request(app).get(`/api/products/${product.slug}`).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('ETag Product, renamed');
    expect(changed.headers.etag).not.toBe(etag);
  });

  test('listings answer If-None-Match too', async () => {
    const first = await request(app).get('/api/products').query({ category: fx.root.slug });
    expect(first.status).toBe(200);
    const again = await request(app)
      .get('/api/products')
      .query({ category: fx.root.slug })
      .set('If-None-Match', first.headers.etag as string);
    expect(again.status).toBe(304);
  });

  test('no stale price after an admin edit, on the page and in the listing', async () => {
    const { Product } = deps.db.models;
    const product = await Product.create({
      slug: `price-${fx.word}`,
      title: 'Priced Product',
      priceAmount: 1_000,
      currency: 'EUR',
      status: 'active',
      categoryId: fx.side.id,
    });
    await catalogChanged(deps, { productIds: [product.id] });
    const listing = () =>
      request(app).get('/api/products').query({ category: fx.side.slug, sort: 'price_asc' });
    const priceIn = (res: request.Response) =>
      (res.body.items as { slug: string; price: { amount: number } }[]).find((i) => i.slug === product.slug)
        ?.price.amount;

    expect((await request(app).get(`/api/products/${product.slug}`)).body.price.amount).toBe(1_000);
    expect(priceIn(await listing())).toBe(1_000);

    await Product.update({ priceAmount: 1_999 }, { where: { id: product.id } });
    await catalogChanged(deps, { productIds: [product.id] });

    expect((await request(app).get(`/api/products/${product.slug}`)).body.price.amount).toBe(1_999);
    expect(priceIn(await listing())).toBe(1_999);
  });

  test('single-flight: concurrent misses for one key share one load', async () => {
    await catalogChanged(deps, { productIds: [] });
    const query = jest.spyOn(deps.db.sequelize, 'query');
    // A load's first read: the stored page by its slug (services/product-pages.ts).
    const productReads = () =>
      query.mock.calls.filter(
        ([sql]) => typeof sql === 'string' && sql.includes('LEFT JOIN product_pages pg'),
      ).length;
    try {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => request(app).get(`/api/products/${fx.gamma.slug}`)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
      expect(productReads()).toBe(1);
    } finally {
      query.mockRestore();
    }
  });
});

describe('GET /api/categories', () => {
  test('a tree with active product counts including descendants', async () => {
    await catalogChanged(deps, { productIds: [] });
    const res = await request(app).get('/api/categories');
    expect(res.status).toBe(200);
    const root = (res.body.items as { slug: string }[]).find((c) => c.slug === fx.root.slug);
    // root: alpha, beta, gamma, delta and the price product of the caching test (side) may be there.
    expect(root).toMatchObject({
      slug: fx.root.slug,
      name: fx.root.name,
      children: [
        {
          slug: fx.mid.slug,
          productCount: 3, // alpha (leaf), beta, delta; the draft does not count
          children: [{ slug: fx.leaf.slug, productCount: 1, children: [] }],
        },
        { slug: fx.side.slug, children: [] },
      ],
    });
    const side = (root as unknown as { children: { productCount: number }[] }).children[1]!;
    expect((root as unknown as { productCount: number }).productCount).toBe(3 + side.productCount);
  });
});
