import { Link, useLocation, useNavigation } from 'react-router';
import { activeChips } from '~/lib/filter-labels';
import type { Listing } from '~/lib/listing.server';
import {
  clearFilters,
  hasFilters,
  hiddenFields,
  hrefFor,
  withChange,
  type SearchState,
} from '~/lib/search-params';
import { ActiveFilters } from './active-filters';
import { EmptyResults } from './empty-results';
import { Facets } from './facets';
import { Notice } from './notice';
import { Pagination } from './pagination';
import { ProductGrid } from './product-grid';
import { SortSelect } from './sort-select';

interface Props {
  listing: Listing;
  /** `/search`, or `/c/<slug>` where the category is part of the path. */
  path: string;
  pinnedCategory?: boolean;
}

/** The shared body of the search and category pages: facets, sort, active filters, results and pages. */
export function SearchResults({ listing, path, pinnedCategory = false }: Props) {
  const { state, currency, products, total, pageCount, facets } = listing;
  const options = { currency, pinnedCategory };
  const href = (s: SearchState) => hrefFor(path, s, options);
  const navigation = useNavigation();
  const location = useLocation();
  const busy = navigation.state === 'loading' && navigation.location.pathname === location.pathname;
  const filtered = hasFilters(state, pinnedCategory);
  const clearHref = filtered ? href(clearFilters(state, pinnedCategory)) : null;
  const names = {
    categories: Object.fromEntries([...facets.categories, ...listing.trail].map((c) => [c.slug, c.name])),
    tags: Object.fromEntries(facets.tags.map((t) => [t.slug, t.name])),
  };
  const chips = activeChips(state, names, currency, pinnedCategory);
  const pageNote = products.length && pageCount > 1 ? `, page ${state.page} of ${pageCount}` : '';
  const summary =
    total === 0 ? 'No products found' : `${total} ${total === 1 ? 'product' : 'products'}${pageNote}`;
  return (
    <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
      <div>
        <input type="checkbox" id="show-filters" className="peer sr-only lg:hidden" />
        <label
          htmlFor="show-filters"
          className="btn-secondary mb-4 w-full cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 lg:hidden"
        >
          Filters{chips.length ? ` (${chips.length} active)` : ''}
        </label>
        <aside aria-labelledby="filters-heading" className="mb-6 hidden peer-checked:block lg:block">
          <h2 id="filters-heading" className="mb-3 text-lg font-bold">
            Filters
          </h2>
          <Facets
            state={state}
            facets={facets}
            currency={currency}
            action={path}
            href={href}
            priceFields={hiddenFields(state, ['minPrice', 'maxPrice'], options)}
            categories={
              pinnedCategory ? undefined : { trail: listing.trail, subcategories: listing.subcategories }
            }
          />
        </aside>
      </div>
      <section aria-labelledby="results-heading" aria-busy={busy} className="min-w-0">
        <h2 id="results-heading" className="sr-only">
          Results
        </h2>
        {listing.ignoredFilters ? (
          <div className="mb-4">
            <Notice>Some filters in this link were not valid and have been left out.</Notice>
          </div>
        ) : null}
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <p role="status" className="text-sm text-slate-700">
            {busy ? 'Updating results…' : summary}
          </p>
          <SortSelect action={path} sort={state.sort} fields={hiddenFields(state, ['sort'], options)} />
        </div>
        <div className="mb-4">
          <ActiveFilters chips={chips} clearHref={clearHref ?? path} href={href} />
        </div>
        <div className={busy ? 'opacity-60 transition-opacity' : undefined}>
          {products.length ? (
            <>
              <ProductGrid products={products} />
              <Pagination
                page={state.page}
                pageCount={pageCount}
                href={(page) => href(withChange(state, { page }))}
              />
            </>
          ) : total > 0 ? (
            <p className="text-slate-700">
              There is nothing on this page.{' '}
              <Link to={href(withChange(state, { page: 1 }))} className="btn-link">
                Go to the first page
              </Link>
            </p>
          ) : (
            <EmptyResults q={state.q} clearHref={clearHref} categories={listing.roots} />
          )}
        </div>
      </section>
    </div>
  );
}
