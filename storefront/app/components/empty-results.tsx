import { Link } from 'react-router';
import type { Named } from '~/lib/types';

interface Props {
  q: string;
  clearHref: string | null;
  categories: Named[];
}

/** No hits: say what was searched and offer ways on (fewer filters, other words, a category). */
export function EmptyResults({ q, clearHref, categories }: Props) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-6 py-10 text-center">
      <h2 className="text-lg font-bold text-slate-900">
        {q ? `No results for “${q}”` : 'No products match'}
      </h2>
      <ul className="mx-auto mt-4 max-w-md space-y-2 text-sm text-slate-700">
        {clearHref ? (
          <li>
            <Link to={clearHref} className="btn-link">
              Clear all filters
            </Link>{' '}
            to see more products.
          </li>
        ) : null}
        {q ? <li>Check the spelling, or try fewer or more general words.</li> : null}
        <li>
          <Link to="/search" className="btn-link">
            Browse all products
          </Link>
        </li>
      </ul>
      {categories.length ? (
        <nav aria-label="Browse categories" className="mt-6">
          <p className="text-sm font-semibold text-slate-800">Or browse a category</p>
          <ul className="mt-3 flex flex-wrap justify-center gap-2">
            {categories.map((c) => (
              <li key={c.slug}>
                <Link to={`/c/${c.slug}`} className="btn-secondary">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
