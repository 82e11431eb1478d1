import { describe, expect, it } from 'vitest';
import { activeChips, bucketLabel } from './filter-labels';
import {
  bucketRange,
  clearFilters,
  EMPTY_SEARCH,
  hasFilters,
  hiddenFields,
  hrefFor,
  isBucketActive,
  minorToInput,
  parseSearch,
  toApiQuery,
  toggleTag,
  withChange,
} from './search-params';

const parse = (query: string, currency = 'USD') => parseSearch(new URLSearchParams(query), currency);
const usd = { currency: 'USD' };

describe('parseSearch', () => {
  it('reads every filter', () => {
    expect(
      parse(
        'q=+red+shoes+&category=fashion&tags=vegan,eco-friendly&minPrice=10&maxPrice=24.99&minRating=4&inStock=true&sort=price_asc&page=3',
      ),
    ).toEqual({
      q: 'red shoes',
      category: 'fashion',
      tags: ['vegan', 'eco-friendly'],
      minPrice: 1000,
      maxPrice: 2499,
      minRating: 4,
      inStock: true,
      sort: 'price_asc',
      page: 3,
    });
  });

  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual(EMPTY_SEARCH);
  });

  it('drops what the API would refuse instead of failing', () => {
    expect(
      parse(
        'category=Bad Slug!&tags=ok,,NOT OK,-x&minPrice=-1&maxPrice=1e3&minRating=6&inStock=yes&sort=cheapest&page=0&color=red',
      ),
    ).toEqual({ ...EMPTY_SEARCH, tags: ['ok'] });
    expect(parse('page=abc').page).toBe(1);
    expect(parse('page=100001').page).toBe(1);
    expect(parse('minRating=0').minRating).toBeNull();
    expect(parse('minRating=4.255').minRating).toBeNull();
    expect(parse('minRating=3.5').minRating).toBe(3.5);
    expect(parse('minPrice=12.345').minPrice).toBeNull();
    expect(parse('minPrice=9999999999999999').minPrice).toBeNull();
  });

  it('accepts repeated and comma-separated tags, lower-cases them and drops duplicates', () => {
    expect(parse('tags=a&tags=B,c&tags=a').tags).toEqual(['a', 'b', 'c']);
  });

  it('keeps at most 20 tags', () => {
    const many = Array.from({ length: 25 }, (_, i) => `t${i}`).join(',');
    expect(parse(`tags=${many}`).tags).toHaveLength(20);
  });

  it('cuts the words at 200 characters', () => {
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });

  it('swaps a reversed price range (the API 422s on min > max)', () => {
    const state = parse('minPrice=50&maxPrice=20');
    expect([state.minPrice, state.maxPrice]).toEqual([2000, 5000]);
  });

  it('reads prices in the shop currency', () => {
    expect(parse('minPrice=1500', 'JPY').minPrice).toBe(1500);
    expect(parse('minPrice=15.5', 'JPY').minPrice).toBeNull();
    expect(parse('minPrice=15.5', 'EUR').minPrice).toBe(1550);
  });
});

describe('toApiQuery', () => {
  it('sends minor units, comma-separated tags and the page size', () => {
    const state = parse(
      'q=lamp&tags=a,b&minPrice=10&maxPrice=24.99&minRating=3&inStock=true&sort=rating&page=2',
    );
    expect(toApiQuery(state, 24)).toBe(
      'q=lamp&tags=a%2Cb&minPrice=1000&maxPrice=2499&minRating=3&inStock=true&sort=rating&page=2&pageSize=24',
    );
  });

  it('leaves defaults out', () => {
    expect(toApiQuery(EMPTY_SEARCH, 24)).toBe('pageSize=24');
  });
});

describe('links', () => {
  it('round-trips: URL → state → URL → same state', () => {
    const query =
      'q=lamp&category=home&tags=a,b&minPrice=10&maxPrice=24.99&minRating=4&inStock=true&sort=newest&page=2';
    const state = parse(query);
    const href = hrefFor('/search', state, usd);
    expect(href).toBe(
      '/search?q=lamp&category=home&tags=a%2Cb&minPrice=10.00&maxPrice=24.99&minRating=4&inStock=true&sort=newest&page=2',
    );
    expect(parse(href.split('?')[1] ?? '')).toEqual(state);
  });

  it('is the bare path without filters', () => {
    expect(hrefFor('/search', EMPTY_SEARCH, usd)).toBe('/search');
  });

  it('leaves a pinned category out of the query', () => {
    const state = { ...EMPTY_SEARCH, category: 'shoes', inStock: true };
    expect(hrefFor('/c/shoes', state, { currency: 'USD', pinnedCategory: true })).toBe(
      '/c/shoes?inStock=true',
    );
  });

  it('starts at page 1 again when a filter changes', () => {
    const state = { ...EMPTY_SEARCH, page: 4 };
    expect(withChange(state, { inStock: true }).page).toBe(1);
    expect(withChange(state, { page: 5 }).page).toBe(5);
  });

  it('toggles a tag on and off', () => {
    const on = toggleTag({ ...EMPTY_SEARCH, tags: ['a'], page: 3 }, 'b');
    expect(on).toMatchObject({ tags: ['a', 'b'], page: 1 });
    expect(toggleTag(on, 'a').tags).toEqual(['b']);
  });

  it('writes prices as the shopper would type them', () => {
    expect(minorToInput(5, 'USD')).toBe('0.05');
    expect(minorToInput(123456, 'USD')).toBe('1234.56');
    expect(minorToInput(1500, 'JPY')).toBe('1500');
  });

  it('carries the rest of the state through a form, never the page', () => {
    const state = parse('q=lamp&tags=a&minPrice=10&sort=rating&page=3');
    expect(hiddenFields(state, ['minPrice', 'maxPrice'], usd)).toEqual([
      ['q', 'lamp'],
      ['tags', 'a'],
      ['sort', 'rating'],
    ]);
  });

  it('clears every filter but keeps the words, the order and a pinned category', () => {
    const state = parse('q=lamp&category=home&tags=a&inStock=true&sort=rating&page=2');
    expect(clearFilters(state)).toEqual({ ...EMPTY_SEARCH, q: 'lamp', sort: 'rating' });
    expect(clearFilters(state, true).category).toBe('home');
    expect(hasFilters(clearFilters(state, true), true)).toBe(false);
    expect(hasFilters(state)).toBe(true);
  });
});

describe('price buckets', () => {
  const buckets = [{ to: 1000 }, { from: 1000, to: 2500 }, { from: 25000 }];

  it('turns the exclusive `to` into an inclusive maxPrice', () => {
    expect(buckets.map(bucketRange)).toEqual([
      { minPrice: null, maxPrice: 999 },
      { minPrice: 1000, maxPrice: 2499 },
      { minPrice: 25000, maxPrice: null },
    ]);
  });

  it('knows which bucket is selected, from a link made for it', () => {
    const state = withChange(EMPTY_SEARCH, bucketRange({ from: 1000, to: 2500 }));
    const reread = parse(hrefFor('/search', state, usd).split('?')[1] ?? '');
    expect(buckets.map((b) => isBucketActive(reread, b))).toEqual([false, true, false]);
  });

  it('names the buckets', () => {
    expect(buckets.map((b) => bucketLabel(b, 'USD'))).toEqual(['Under $10', '$10 to $25', '$250 and over']);
  });
});

describe('activeChips', () => {
  it('gives one chip per filter, each removing only itself', () => {
    const state = parse('q=x&category=home&tags=a,b&maxPrice=24.99&minRating=4&inStock=true&page=2');
    const chips = activeChips(state, { categories: { home: 'Home' }, tags: { a: 'Alpha' } }, 'USD');
    expect(chips.map((c) => c.label)).toEqual([
      'Category: Home',
      'Tag: Alpha',
      'Tag: b',
      'Price: Up to $24.99',
      '4 stars & up',
      'In stock only',
    ]);
    expect(chips[1]?.without).toMatchObject({ tags: ['b'], category: 'home', q: 'x', page: 1 });
  });

  it('has no chip for a pinned category', () => {
    const state = { ...EMPTY_SEARCH, category: 'home' };
    expect(activeChips(state, { categories: {}, tags: {} }, 'USD', true)).toEqual([]);
  });
});
