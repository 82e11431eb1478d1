import { Link } from 'react-router';

export interface Crumb {
  name: string;
  /** Absent for the current page (the last crumb). */
  to?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center text-sm text-slate-700">
        {items.map((item, i) => (
          <li key={`${item.name}-${i}`} className={i > 0 ? "before:mx-2 before:content-['/']" : undefined}>
            {item.to ? (
              <Link to={item.to} className="hover:underline">
                {item.name}
              </Link>
            ) : (
              <span aria-current="page" className="text-slate-900">
                {item.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
