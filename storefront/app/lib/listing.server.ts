import type { AppLoadContext } from 'react-router';
import { getJson } from './api.server';
import { toCard } from './card';
import { ApiError } from './problem';
import { EMPTY_SEARCH, parseSearch, toApiQuery, type SearchState } from './search-params';
import type { CategoryNode, Named, ProductList } from './types';

export const PAGE_SIZE = 24;
/** Search engines stop at 10 000 hits; pages past that would always be empty. */
const MAX_RESULTS = 10_000;

export interface CategoryLink extends Named {
  count: number;
}

/** Root → node, or null when the slug is not in the tree. */
export function categoryTrail(tree: CategoryNode[], slug: string): CategoryNode[] | null {
  for (const node of tree) {
    if (node.slug === slug) return [node];
    const below = categoryTrail(node.children, slug);
    if (below) return [node, ...below];
  }
  return null;
}

/**
 * One listing page (search or category): the URL read into a valid state, the products with their facets and the
 * category level to offer next (children of the current category, or the roots) with the filtered counts.
 */
export async function loadListing(context: AppLoadContext, request: Request, pinnedCategory?: string) {
  const currency = context.shop.settings.currency;
  const state: SearchState = parseSearch(new URL(request.url).searchParams, currency);
  if (pinnedCategory) state.category = pinnedCategory;
  const products = (s: SearchState) =>
    getJson<ProductList>(context, `/api/products?${toApiQuery(s, PAGE_SIZE)}`);
  const [categories, first] = await Promise.all([
    getJson<{ items: CategoryNode[] }>(context, '/api/categories'),
    // parseSearch should leave nothing the API refuses; if it ever does, show the list without the filters.
    products(state).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 422) return null;
      throw error;
    }),
  ]);
  const ignoredFilters = first === null;
  if (ignoredFilters) Object.assign(state, { ...EMPTY_SEARCH, q: state.q, category: pinnedCategory ?? null });
  const list = first ?? (await products(state));
  const tree = categories.items;
  const trail = state.category ? (categoryTrail(tree, state.category) ?? []) : [];
  const level = trail.length ? (trail[trail.length - 1]?.children ?? []) : tree;
  const counts = new Map(list.facets.categories.map((c) => [c.slug, c.count]));
  const subcategories: CategoryLink[] = level
    .map((c) => ({ slug: c.slug, name: c.name, count: counts.get(c.slug) ?? 0 }))
    .filter((c) => c.count > 0);
  const pageCount = Math.max(1, Math.ceil(Math.min(list.total, MAX_RESULTS) / PAGE_SIZE));
  return {
    state,
    currency,
    products: list.items.map(toCard),
    total: list.total,
    pageCount,
    facets: list.facets,
    trail: trail.map((c) => ({ slug: c.slug, name: c.name })),
    subcategories,
    roots: tree.map((c) => ({ slug: c.slug, name: c.name })),
    ignoredFilters,
  };
}

export type Listing = Awaited<ReturnType<typeof loadListing>>;
