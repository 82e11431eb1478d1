import request from 'supertest';
import {
  buildProductDocuments,
  createMemorySearchEngine,
  productIndexDefinition,
  type SearchEngine,
} from '@market/adapters';
import { createApp } from '../../app';
import type { AppDeps } from '../../deps';
import { bumpCatalogGeneration } from '../../services/catalog-cache';
import { createTestDeps, type TestDeps } from '../../testing/deps';
import { type CatalogFixture, createCatalogFixture } from './testing';

let deps: TestDeps;
let fx: CatalogFixture;
/** The embedded default's in-process index, holding the same documents as the engine. */
let memory: SearchEngine;

beforeAll(async () => {
  deps = await createTestDeps();
  fx = await createCatalogFixture(deps.db);
  const alias = deps.config.search!.index;
  await deps.search!.ensureIndex(alias, productIndexDefinition({ replicas: 0 }));
  const { documents } = await buildProductDocuments(deps.db, [
    fx.alpha.id,
    fx.beta.id,
    fx.gamma.id,
    fx.delta.id,
    fx.draft.id,
  ]);
  await deps.search!.bulkIndex(alias, documents, { waitForRefresh: true });
  memory = createMemorySearchEngine();
  await memory.ensureIndex(alias, productIndexDefinition());
  await memory.bulkIndex(alias, documents);
});
afterAll(async () => {
  await deps.close();
});
// Both modes share Redis: a fresh generation per test keeps one mode from reading the other's cached answers.
beforeEach(async () => {
  await bumpCatalogGeneration(deps.cache);
});

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}

const modes: [string, () => AppDeps][] = [
  ['the search engine', () => deps],
  ['the embedded in-process index', () => ({ ...deps, search: memory })],
  ['SQL (no engine at all: the last resort)', () => ({ ...deps, search: null })],
];

describe.each(modes)('GET /api/products through %s', (_mode, depsOf) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(depsOf());
  });
  const list = (query: Record<string, string | number>) =>
    request(app)
      .get('/api/products')
      .query({ category: fx.root.slug, ...query });
  const slugs = (res: request.Response) => (res.body.items as { slug: string }[]).map((i) => i.slug);

  test('a title match ranks above a description-only match; drafts never show', async () => {
    const res = await request(app).get('/api/products').query({ q: fx.word });
    expect(res.status).toBe(200);
    expect(slugs(res)).toEqual([fx.alpha.slug, fx.beta.slug]);
    expect(res.body.total).toBe(2);
    expect(res.body.items[0].highlight.title).toContain('<mark>');
  });

  test('presents items from the database', async () => {
    const res = await list({ sort: 'price_asc' });
    const byslug = new Map((res.body.items as { slug: string }[]).map((i) => [i.slug, i]));
    expect(byslug.get(fx.alpha.slug)).toMatchObject({
      id: fx.alpha.id,
      title: fx.alpha.title,
      price: { amount: 1_500, currency: 'EUR' },
      rating: { average: 4.5, count: 2 },
      availability: 'in_stock',
      thumbnailUrl: expect.stringContaining('front.jpg'),
      thumbnails: {
        small: expect.stringMatching(/thumb-200\.webp/),
        medium: expect.stringMatching(/thumb-400\.webp/),
        large: expect.stringMatching(/thumb-800\.webp/),
      },
    });
    expect(byslug.get(fx.beta.slug)).toMatchObject({
      availability: 'out_of_stock',
      thumbnailUrl: null,
      thumbnails: null,
    });
    expect(byslug.get(fx.gamma.slug)).toMatchObject({
      availability: 'low_stock',
      rating: { average: 0, count: 0 },
    });
  });

  test.each([
    ['category with descendants', () => ({}), () => [fx.delta, fx.alpha, fx.beta, fx.gamma]],
    ['a sub-category', () => ({ category: fx.mid.slug }), () => [fx.delta, fx.alpha, fx.beta]],
    ['a leaf', () => ({ category: fx.leaf.slug }), () => [fx.alpha]],
    ['one tag', () => ({ tags: fx.tagA.slug }), () => [fx.alpha, fx.beta]],
    ['all of several tags', () => ({ tags: `${fx.tagA.slug},${fx.tagB.slug}` }), () => [fx.alpha]],
    ['a price range, inclusive', () => ({ minPrice: 1_500, maxPrice: 3_000 }), () => [fx.alpha, fx.beta]],
    ['a minimum price', () => ({ minPrice: 3_001 }), () => [fx.gamma]],
    ['a minimum rating', () => ({ minRating: 3 }), () => [fx.alpha, fx.beta]],
    ['a fractional minimum rating', () => ({ minRating: 4.5 }), () => [fx.alpha]],
    ['in stock', () => ({ inStock: 'true' }), () => [fx.delta, fx.alpha, fx.gamma]],
    [
      'inStock=false is no filter',
      () => ({ inStock: 'false' }),
      () => [fx.delta, fx.alpha, fx.beta, fx.gamma],
    ],
    ['an unknown category', () => ({ category: 'no-such-category-anywhere' }), () => []],
  ])('filters by %s', async (_name, query, expected) => {
    const res = await list({ sort: 'price_asc', ...query() });
    expect(res.status).toBe(200);
    expect(slugs(res)).toEqual(expected().map((p) => p.slug));
    expect(res.body.total).toBe(expected().length);
  });

  test.each([
    ['price_asc', () => [fx.delta, fx.alpha, fx.beta, fx.gamma]],
    ['price_desc', () => [fx.gamma, fx.beta, fx.alpha, fx.delta]],
    ['rating', () => [fx.alpha, fx.beta, fx.delta, fx.gamma]],
    ['newest', () => [fx.delta, fx.gamma, fx.beta, fx.alpha]],
    ['relevance', () => [fx.delta, fx.gamma, fx.beta, fx.alpha]],
  ])('sorts by %s', async (sort, expected) => {
    const res = await list({ sort });
    expect(slugs(res)).toEqual(expected().map((p) => p.slug));
  });

  test('counts facets over the filtered result', async () => {
    const res = await list({});
    const { facets } = res.body;
    expect(facets.categories).toEqual(
      expect.arrayContaining([
        { slug: fx.root.slug, name: fx.root.name, count: 4 },
        { slug: fx.mid.slug, name: fx.mid.name, count: 3 },
        { slug: fx.leaf.slug, name: fx.leaf.name, count: 1 },
        { slug: fx.side.slug, name: fx.side.name, count: 1 },
      ]),
    );
    expect(facets.categories).toHaveLength(4);
    expect(facets.tags).toEqual(
      expect.arrayContaining([
        { slug: fx.tagA.slug, name: fx.tagA.name, count: 2 },
        { slug: fx.tagB.slug, name: fx.tagB.name, count: 2 },
      ]),
    );
    expect(facets.tags).toHaveLength(2);
    expect(facets.priceRanges.map((r: { count: number }) => r.count)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(facets.ratings).toEqual([
      { min: 4, count: 1 },
      { min: 3, count: 2 },
      { min: 2, count: 3 },
      { min: 1, count: 3 },
    ]);

    const filtered = await list({ inStock: 'true' });
    expect(filtered.body.facets.tags).toEqual(
      expect.arrayContaining([
        { slug: fx.tagA.slug, name: fx.tagA.name, count: 1 },
        { slug: fx.tagB.slug, name: fx.tagB.name, count: 2 },
      ]),
    );
  });

  test('pages: full, partial, past the end', async () => {
    const first = await list({ sort: 'price_asc', pageSize: 3 });
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(slugs(first)).toEqual([fx.delta.slug, fx.alpha.slug, fx.beta.slug]);
    const second = await list({ sort: 'price_asc', pageSize: 3, page: 2 });
    expect(slugs(second)).toEqual([fx.gamma.slug]);
    const past = await list({ sort: 'price_asc', pageSize: 3, page: 3 });
    expect(past.body).toMatchObject({ items: [], total: 4, page: 3 });
    const one = await list({ sort: 'price_asc', pageSize: 1, page: 4 });
    expect(slugs(one)).toEqual([fx.gamma.slug]);
    const max = await list({ pageSize: 100 });
    expect(max.status).toBe(200);
  });
});

describe.each(modes.slice(0, 2))('GET /api/products through %s: typo tolerance', (_mode, depsOf) => {
  test('a one-letter typo still finds the product', async () => {
    const typo = `${fx.word.slice(0, 3)}${fx.word[3] === 'b' ? 'c' : 'b'}${fx.word.slice(4)}`;
    const res = await request(createApp(depsOf())).get('/api/products').query({ q: typo });
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.slug).toBe(fx.alpha.slug);
  });
});

describe('bad query parameters are 422 problem+json', () => {
  test.each([
    ['pageSize=10000'],
    ['pageSize=0'],
    ['page=0'],
    ['page=abc'],
    ['minPrice=-1'],
    ['maxPrice=1.5'],
    ['minPrice=500&maxPrice=100'],
    ['minRating=6'],
    ['minRating=-1'],
    ['inStock=yes'],
    ['sort=price;drop table products'],
    ['category=Not%20A%20Slug'],
    ['tags=ok,NOT_OK'],
    ['color=red'],
  ])('%s', async (query) => {
    const res = await request(createApp(deps)).get(`/api/products?${query}`);
    expectProblem(res, 422, 'validation_failed');
  });
});
