import { data, Link } from 'react-router';
import { Breadcrumbs } from '~/components/breadcrumbs';
import { SearchResults } from '~/components/search-results';
import { loadListing } from '~/lib/listing.server';
import { hrefFor, isSlug, withChange } from '~/lib/search-params';
import type { Route } from './+types/category';

export async function loader({ context, request, params }: Route.LoaderArgs) {
  if (!isSlug(params.slug)) throw data('Not found', { status: 404 });
  const listing = await loadListing(context, request, params.slug);
  const current = listing.trail[listing.trail.length - 1];
  if (!current || current.slug !== params.slug) throw data('Not found', { status: 404 });
  return {
    listing,
    category: current,
    shopName: context.shop.settings.name,
    canonical: `${context.shop.settings.publicUrl.replace(/\/$/, '')}/c/${current.slug}`,
  };
}

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Category not found' }];
  const { category, shopName, canonical } = data;
  return [
    { title: `${category.name} | ${shopName}` },
    {
      name: 'description',
      content: `Shop ${category.name} at ${shopName}: filter by price, rating and more.`,
    },
    { tagName: 'link', rel: 'canonical', href: canonical },
  ];
}

export default function Category({ loaderData }: Route.ComponentProps) {
  const { listing, category } = loaderData;
  const { state, currency, trail, subcategories } = listing;
  const ancestors = trail.slice(0, -1);
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs
          items={[
            { name: 'Home', to: '/' },
            ...ancestors.map((c) => ({ name: c.name, to: `/c/${c.slug}` })),
            { name: category.name },
          ]}
        />
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{category.name}</h1>
        {subcategories.length ? (
          <nav aria-label={`Categories in ${category.name}`} className="mt-4">
            <ul className="flex flex-wrap gap-2">
              {subcategories.map((c) => (
                <li key={c.slug}>
                  <Link
                    to={hrefFor(`/c/${c.slug}`, withChange(state, { category: c.slug }), {
                      currency,
                      pinnedCategory: true,
                    })}
                    className="inline-flex items-center gap-2 rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:border-brand-700 hover:text-brand-800"
                  >
                    {c.name}
                    <span className="text-xs text-slate-700">{c.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <SearchResults listing={listing} path={`/c/${category.slug}`} pinnedCategory />
    </div>
  );
}
