// The shop's search state lives in the URL. This module turns a (possibly hand-edited) URL into a state the API
// accepts — anything it would 422 on is dropped here — and builds every link and form field back from a state.
import { parseMoney } from './format';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  category: string | null;
  tags: string[];
  /** Minor units, inclusive (the API's own bounds). */
  minPrice: number | null;
  maxPrice: number | null;
  minRating: number | null;
  inStock: boolean;
  sort: Sort;
  page: number;
}

export interface PriceBucket {
  from?: number;
  to?: number;
}

export const EMPTY_SEARCH: SearchState = {
  q: '',
  category: null,
  tags: [],
  minPrice: null,
  maxPrice: null,
  minRating: null,
  inStock: false,
  sort: 'relevance',
  page: 1,
};

// The API's limits (GET /api/products query schema).
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_Q = 200;
const MAX_SLUG = 191;
const MAX_TAGS = 20;
const MAX_TAGS_CHARS = 1000;
const MAX_PAGE = 100_000;
const MAX_MINOR = 999_999_999_999_999; // 15 digits

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG && SLUG.test(value);
}

function slug(value: string | null | undefined): string | null {
  const s = (value ?? '').trim().toLowerCase();
  return isSlug(s) ? s : null;
}

function price(value: string | null, currency: string): number | null {
  if (!value) return null;
  const minor = parseMoney(value, currency);
  return minor !== null && Number.isSafeInteger(minor) && minor <= MAX_MINOR ? minor : null;
}

function tagList(values: string[]): string[] {
  const tags: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const tag = slug(raw);
    if (!tag || tags.includes(tag)) continue;
    if (tags.length >= MAX_TAGS || [...tags, tag].join(',').length > MAX_TAGS_CHARS) break;
    tags.push(tag);
  }
  return tags;
}

function rating(value: string | null): number | null {
  if (!value || !/^\d(?:\.\d{1,2})?$/.test(value.trim())) return null;
  const n = Number(value);
  return n > 0 && n <= 5 ? n : null; // 0 means "no filter"
}

/** A 1-based page number from the URL; 1 for anything else. */
export function pageNumber(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return 1;
  const n = Number(value);
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** URL (shop's own query string) → a state that is always valid for the API. Bad values are dropped, never thrown. */
export function parseSearch(params: URLSearchParams, currency: string): SearchState {
  let minPrice = price(params.get('minPrice'), currency);
  let maxPrice = price(params.get('maxPrice'), currency);
  // A reversed range is a typo, not a wish for nothing: the API would refuse it.
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice)
    [minPrice, maxPrice] = [maxPrice, minPrice];
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_Q).trim(),
    category: slug(params.get('category')),
    tags: tagList(params.getAll('tags')),
    minPrice,
    maxPrice,
    minRating: rating(params.get('minRating')),
    inStock: params.get('inStock') === 'true',
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
    page: pageNumber(params.get('page')),
  };
}

/** The query string for GET /api/products. */
export function toApiQuery(state: SearchState, pageSize: number): string {
  const out = new URLSearchParams();
  if (state.q) out.set('q', state.q);
  if (state.category) out.set('category', state.category);
  if (state.tags.length) out.set('tags', state.tags.join(','));
  if (state.minPrice !== null) out.set('minPrice', String(state.minPrice));
  if (state.maxPrice !== null) out.set('maxPrice', String(state.maxPrice));
  if (state.minRating !== null) out.set('minRating', String(state.minRating));
  if (state.inStock) out.set('inStock', 'true');
  if (state.sort !== 'relevance') out.set('sort', state.sort);
  if (state.page > 1) out.set('page', String(state.page));
  out.set('pageSize', String(pageSize));
  return out.toString();
}

export function fractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** 1250 → "12.50" (USD), 1250 → "1250" (JPY): what a shopper would type, and what parseMoney reads back. */
export function minorToInput(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export interface LinkOptions {
  currency: string;
  /** The category page carries its category in the path, not the query. */
  pinnedCategory?: boolean;
}

/** The shop's own query string for a state (defaults left out, so equal states give equal URLs). */
export function toShopParams(state: SearchState, { currency, pinnedCategory = false }: LinkOptions) {
  const out = new URLSearchParams();
  if (state.q) out.set('q', state.q);
  if (state.category && !pinnedCategory) out.set('category', state.category);
  if (state.tags.length) out.set('tags', state.tags.join(','));
  if (state.minPrice !== null) out.set('minPrice', minorToInput(state.minPrice, currency));
  if (state.maxPrice !== null) out.set('maxPrice', minorToInput(state.maxPrice, currency));
  if (state.minRating !== null) out.set('minRating', String(state.minRating));
  if (state.inStock) out.set('inStock', 'true');
  if (state.sort !== 'relevance') out.set('sort', state.sort);
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}

export function hrefFor(path: string, state: SearchState, options: LinkOptions): string {
  const query = toShopParams(state, options).toString();
  return query ? `${path}?${query}` : path;
}

/** A filter change always starts again at page 1; only an explicit page change keeps a page. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...change };
}

export function toggleTag(state: SearchState, tag: string): SearchState {
  const tags = state.tags.includes(tag) ? state.tags.filter((t) => t !== tag) : [...state.tags, tag];
  return withChange(state, { tags });
}

/** A facet bucket's `to` is exclusive; the API's maxPrice is inclusive. */
export function bucketRange(bucket: PriceBucket): { minPrice: number | null; maxPrice: number | null } {
  return { minPrice: bucket.from ?? null, maxPrice: bucket.to === undefined ? null : bucket.to - 1 };
}

export function isBucketActive(state: SearchState, bucket: PriceBucket): boolean {
  const range = bucketRange(bucket);
  return state.minPrice === range.minPrice && state.maxPrice === range.maxPrice;
}

export function hasFilters(state: SearchState, pinnedCategory = false): boolean {
  return Boolean(
    (state.category && !pinnedCategory) ||
    state.tags.length ||
    state.minPrice !== null ||
    state.maxPrice !== null ||
    state.minRating !== null ||
    state.inStock,
  );
}

/** Keeps the words and the order; drops every filter (but a pinned category stays, it is the page itself). */
export function clearFilters(state: SearchState, pinnedCategory = false): SearchState {
  return { ...EMPTY_SEARCH, q: state.q, sort: state.sort, category: pinnedCategory ? state.category : null };
}

/**
 * Hidden inputs that carry the rest of the state through a GET form which edits some of it (`omit`). The page is
 * never carried: a new query starts at page 1.
 */
export function hiddenFields(
  state: SearchState,
  omit: readonly (keyof SearchState)[],
  options: LinkOptions,
): [string, string][] {
  const params = toShopParams(state, options);
  params.delete('page');
  for (const key of omit) params.delete(key);
  return [...params.entries()];
}
