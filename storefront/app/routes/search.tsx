import { Form } from 'react-router';
import { HiddenFields } from '~/components/hidden-fields';
import { SearchResults } from '~/components/search-results';
import { loadListing } from '~/lib/listing.server';
import { hiddenFields } from '~/lib/search-params';
import type { Route } from './+types/search';

export async function loader({ context, request }: Route.LoaderArgs) {
  return { listing: await loadListing(context, request), shopName: context.shop.settings.name };
}

export function meta({ data }: Route.MetaArgs) {
  const name = data?.shopName ?? 'market';
  const q = data?.listing.state.q;
  return [
    { title: q ? `“${q}”: search results | ${name}` : `All products | ${name}` },
    {
      name: 'description',
      content: `Search and filter every product at ${name} by category, price and rating.`,
    },
  ];
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { listing } = loaderData;
  const { state, currency } = listing;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {state.q ? `Results for “${state.q}”` : 'All products'}
        </h1>
        <Form method="get" action="/search" role="search" className="hidden w-full gap-2 sm:flex sm:w-96">
          <HiddenFields fields={hiddenFields(state, ['q'], { currency })} />
          <label htmlFor="search-q" className="sr-only">
            Search with the current filters
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={state.q}
            key={state.q}
            maxLength={200}
            placeholder="Search products"
            autoComplete="off"
            className="input"
          />
          <button type="submit" className="btn-primary">
            Search
          </button>
        </Form>
      </div>
      <SearchResults listing={listing} path="/search" />
    </div>
  );
}
