import { Link } from 'react-router';
import { ProductCard } from '~/components/product-card';
import { getJson } from '~/lib/api.server';
import { toCard } from '~/lib/card';
import type { CategoryNode, ProductList } from '~/lib/types';
import type { Route } from './+types/home';

export async function loader({ context }: Route.LoaderArgs) {
  const [featured, categories] = await Promise.all([
    getJson<ProductList>(context, '/api/products?sort=rating&inStock=true&pageSize=8'),
    getJson<{ items: CategoryNode[] }>(context, '/api/categories'),
  ]);
  return {
    featured: featured.items.map(toCard),
    categories: categories.items,
    shopName: context.shop.settings.name,
  };
}

export function meta({ data }: Route.MetaArgs) {
  const name = data?.shopName ?? 'market';
  return [
    { title: `${name}: shop online` },
    {
      name: 'description',
      content: `${name}: browse our catalog, pay safely and follow every order until it arrives.`,
    },
  ];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { featured, categories } = loaderData;
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-50 px-6 py-10">
        <h1 className="text-3xl font-extrabold tracking-tight text-slate-900 sm:text-4xl">
          Find something you love
        </h1>
        <p className="mt-3 max-w-xl text-slate-700">
          Every order is tracked from the moment you pay until it reaches your door.
        </p>
        <Link to="/search" className="btn-primary mt-6">
          Browse all products
        </Link>
      </section>
      {categories.length > 0 ? (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="text-xl font-bold">
            Shop by category
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {categories.map((c) => (
              <li key={c.slug}>
                <Link to={`/c/${c.slug}`} className="card block hover:border-brand-700">
                  <span className="font-semibold">{c.name}</span>
                  <span className="block text-sm text-slate-600">{c.productCount} products</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="text-xl font-bold">
          Featured products
        </h2>
        {featured.length === 0 ? (
          <p className="mt-4 text-slate-700">No products yet. Check back soon.</p>
        ) : (
          <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {featured.map((p, i) => (
              <li key={p.id}>
                <ProductCard product={p} load={i < 2 ? 'eager' : 'lazy'} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
