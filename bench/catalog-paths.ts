import type { SearchEngine } from '@market/adapters';
import type { RequestHandler } from 'express';
import type { Scenario } from './load';

/** What the catalog scenarios draw from: active slugs (shuffled), title words, category slugs. */
export interface CatalogPools {
  slugs: string[];
  words: string[];
  categories: string[];
}

/** Each call the next item, from the start again at the end (calling `onWrap` then). */
export const cycle = <T>(pool: readonly T[], onWrap?: () => void) => {
  let i = 0;
  return () => {
    if (i > 0 && i % pool.length === 0) onWrap?.();
    return pool[i++ % pool.length]!;
  };
};

/**
 * What keeps the varied product-page scenarios uncached when they go round the slugs more than once: a new catalog
 * generation (the response cache misses again), and emptied stored pages (api/services/product-pages.ts).
 */
export interface PageResets {
  newGeneration(): Promise<void>;
  emptyStoredPages(): Promise<void>;
}

/** The request paths of the catalog scenarios, shared by bench/catalog.ts and bench/catalog-embedded.ts. */
export function catalogPaths({ words, categories }: CatalogPools) {
  const nextWord = cycle(words);
  const nextCategory = cycle(categories);
  let n = 0;
  // category + price range + inStock, varied per request: categories × 10 price ranges is a few hundred distinct
  // queries, so the cache answers most of them. The uncached variant widens maxPrice by one cent per request
  // (every key new; the range grows by ~20 EUR over a 10 s run).
  let widen = 0;
  const filtered = (uncached: boolean) => (): string => {
    const min = (n++ % 10) * 1_000;
    return `/api/products?${new URLSearchParams({
      category: nextCategory(),
      minPrice: String(min),
      maxPrice: String(min + 20_000 + (uncached ? widen++ : 0)),
      inStock: 'true',
    })}`;
  };
  // A word from the pool plus a maxPrice far above every price (no product is filtered out) that grows with each
  // request: every cache key is new, so the engine and the database answer every request.
  let unique = 1_000_000_000;
  const uncachedQuery = () => `/api/products?q=${nextWord()}&maxPrice=${unique++}`;
  return { filtered, uncachedQuery, nextWord };
}

/** The app's catalog scenarios against `appPort`, after the bare endpoint's. */
export function appScenarios(
  pools: CatalogPools,
  paths: ReturnType<typeof catalogPaths>,
  appPort: () => number,
  resets?: PageResets,
) {
  const { filtered, uncachedQuery } = paths;
  const quietly = (work: () => Promise<void>) => () => void work().catch(() => undefined);
  // Stored pages: the first pass finds them all stored; later passes miss the response cache again.
  const storedSlug = cycle(pools.slugs, resets && quietly(resets.newGeneration));
  // Built pages: none stored at the start, nor at the start of each later pass.
  const emptyAll = async () => {
    await resets?.emptyStoredPages();
    await resets?.newGeneration();
  };
  const builtSlug = cycle(pools.slugs, resets && quietly(emptyAll));
  const scenarios: Scenario[] = [
    { name: 'GET /api/products', port: appPort, path: () => '/api/products' },
    { name: 'products: category+price+inStock (cached)', port: appPort, path: filtered(false) },
    { name: 'products: category+price+inStock (uncached)', port: appPort, path: filtered(true) },
    {
      name: `products: q (same word, cached)`,
      port: appPort,
      path: () => `/api/products?q=${pools.words[0]}`,
    },
    { name: 'products: q (varied, uncached)', port: appPort, path: uncachedQuery },
    {
      name: 'GET /api/products/:slug (varied, stored page)',
      port: appPort,
      path: () => `/api/products/${storedSlug()}`,
    },
    ...(resets
      ? [
          {
            name: 'GET /api/products/:slug (varied, page built)',
            port: appPort,
            path: () => `/api/products/${builtSlug()}`,
            before: emptyAll,
          },
        ]
      : []),
    {
      name: 'GET /api/products/:slug (same, cached)',
      port: appPort,
      path: () => `/api/products/${pools.slugs[0]}`,
    },
  ];
  return scenarios;
}

/** `GET /engine?…`: the listing's search alone (the query of `filtered` or `uncachedQuery`), its result as JSON. */
export function engineRoute(
  search: SearchEngine,
  alias: string,
  categoryIdOf: ReadonlyMap<string, number>,
): RequestHandler {
  return (req, res, next) => {
    const q = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
    const category = q('category');
    search
      .search(alias, {
        q: q('q'),
        categoryIds: category ? [categoryIdOf.get(category) ?? 0] : undefined,
        minPrice: q('minPrice') === undefined ? undefined : Number(q('minPrice')),
        maxPrice: q('maxPrice') === undefined ? undefined : Number(q('maxPrice')),
        inStock: q('inStock') === 'true' ? true : undefined,
        sort: 'relevance',
        page: 1,
        pageSize: 20,
      })
      .then((result) => res.json(result), next);
  };
}
