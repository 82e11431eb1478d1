// Words for the search filters: facet buckets and the removable "active filter" chips.
import { fractionDigits, withChange, type PriceBucket, type SearchState, type Sort } from './search-params';

export const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Best match',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Customer rating',
  newest: 'Newest',
};

const formats = new Map<string, Intl.NumberFormat>();

/** Like formatMoney, but "$10" rather than "$10.00" for round amounts: bucket and chip labels stay short. */
export function shortMoney(amount: number, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 0 });
    formats.set(currency, format);
  }
  return format.format(amount / 10 ** fractionDigits(currency));
}

export function bucketLabel(bucket: PriceBucket, currency: string): string {
  if (bucket.from === undefined && bucket.to !== undefined) return `Under ${shortMoney(bucket.to, currency)}`;
  if (bucket.to === undefined && bucket.from !== undefined)
    return `${shortMoney(bucket.from, currency)} and over`;
  return `${shortMoney(bucket.from ?? 0, currency)} to ${shortMoney(bucket.to ?? 0, currency)}`;
}

export function priceLabel(min: number | null, max: number | null, currency: string): string {
  if (min !== null && max !== null) return `${shortMoney(min, currency)} to ${shortMoney(max, currency)}`;
  if (min !== null) return `${shortMoney(min, currency)} and over`;
  return `Up to ${shortMoney(max ?? 0, currency)}`;
}

export function ratingLabel(min: number): string {
  return `${min} ${min === 1 ? 'star' : 'stars'} & up`;
}

export interface Chip {
  key: string;
  label: string;
  /** The state with this one filter removed. */
  without: SearchState;
}

export interface ChipNames {
  categories: Record<string, string>;
  tags: Record<string, string>;
}

/** One removable chip per active filter, named from the facets (a slug when the name is not known). */
export function activeChips(
  state: SearchState,
  names: ChipNames,
  currency: string,
  pinnedCategory = false,
): Chip[] {
  const chips: Chip[] = [];
  if (state.category && !pinnedCategory) {
    chips.push({
      key: 'category',
      label: `Category: ${names.categories[state.category] ?? state.category}`,
      without: withChange(state, { category: null }),
    });
  }
  for (const tag of state.tags) {
    chips.push({
      key: `tag:${tag}`,
      label: `Tag: ${names.tags[tag] ?? tag}`,
      without: withChange(state, { tags: state.tags.filter((t) => t !== tag) }),
    });
  }
  if (state.minPrice !== null || state.maxPrice !== null) {
    chips.push({
      key: 'price',
      label: `Price: ${priceLabel(state.minPrice, state.maxPrice, currency)}`,
      without: withChange(state, { minPrice: null, maxPrice: null }),
    });
  }
  if (state.minRating !== null) {
    chips.push({
      key: 'rating',
      label: ratingLabel(state.minRating),
      without: withChange(state, { minRating: null }),
    });
  }
  if (state.inStock) {
    chips.push({ key: 'inStock', label: 'In stock only', without: withChange(state, { inStock: false }) });
  }
  return chips;
}
