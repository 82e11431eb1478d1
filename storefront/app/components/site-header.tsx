import { Form, Link, NavLink, useLocation } from 'react-router';

interface Props {
  shop: { name: string };
  user: { name: string } | null;
  cartCount: number;
  categories: { slug: string; name: string }[];
}

export function SiteHeader({ shop, user, cartCount, categories }: Props) {
  // On the results page the box shows what was searched for (it starts a new search, without the filters).
  const location = useLocation();
  const q = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link to="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          {shop.name}
        </Link>
        <Form
          method="get"
          action="/search"
          role="search"
          className="order-last flex w-full gap-2 sm:order-none sm:flex-1"
        >
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search products"
            className="input"
            autoComplete="off"
            defaultValue={q}
            key={q}
          />
          <button type="submit" className="btn-primary">
            Search
          </button>
        </Form>
        <nav aria-label="Account" className="ml-auto flex items-center gap-4 text-sm font-medium">
          {user ? (
            <Link to="/account" className="hover:underline">
              {user.name}
            </Link>
          ) : (
            <Link to="/signin" className="hover:underline">
              Sign in
            </Link>
          )}
          <Link
            to="/cart"
            className="btn-secondary"
            aria-label={`Cart, ${cartCount} ${cartCount === 1 ? 'item' : 'items'}`}
          >
            Cart <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{cartCount}</span>
          </Link>
        </nav>
      </div>
      {categories.length > 0 ? (
        <nav aria-label="Categories" className="border-t border-slate-100">
          <ul className="mx-auto flex max-w-6xl gap-4 overflow-x-auto px-4 py-2 text-sm">
            {categories.map((c) => (
              <li key={c.slug} className="shrink-0">
                <NavLink
                  to={`/c/${c.slug}`}
                  className={({ isActive }) =>
                    isActive ? 'font-semibold text-brand-700' : 'text-slate-700 hover:text-brand-700'
                  }
                >
                  {c.name}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
