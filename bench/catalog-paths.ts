import type { Scenario } from './load';

/** What the catalog scenarios draw from: active slugs (shuffled), title words, category slugs. */
export interface CatalogPools {
  slugs: string[];
  words: string[];
  categories: string[];
}

/** Each call the next item, from the start again at the end. */
export const cycle = <T>(pool: readonly T[]) => {
  let i = 0;
  return () => pool[i++ % pool.length]!;
};

/** The request paths of the catalog scenarios, shared by bench/catalog.ts and bench/catalog-embedded.ts. */
export function catalogPaths({ slugs, words, categories }: CatalogPools) {
  const nextWord = cycle(words);
  const nextSlug = cycle(slugs);
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
  return { filtered, uncachedQuery, nextSlug, nextWord };
}

/** The app's catalog scenarios against `appPort`, after the bare endpoint's. */
export function appScenarios(
  pools: CatalogPools,
  paths: ReturnType<typeof catalogPaths>,
  appPort: () => number,
) {
  const { filtered, uncachedQuery, nextSlug } = paths;
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
    { name: 'GET /api/products/:slug (varied)', port: appPort, path: () => `/api/products/${nextSlug()}` },
    {
      name: 'GET /api/products/:slug (same, cached)',
      port: appPort,
      path: () => `/api/products/${pools.slugs[0]}`,
    },
  ];
  return scenarios;
}
