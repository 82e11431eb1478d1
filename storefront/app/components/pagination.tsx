import { Link } from 'react-router';
import { pageWindow } from '~/lib/page-window';

interface Props {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label?: string;
  /** Keep the scroll position (e.g. paging reviews further down a product page). */
  preventScrollReset?: boolean;
}

const ITEM = 'inline-flex min-w-10 items-center justify-center rounded-md px-3 py-2 text-sm font-medium';

export function Pagination({
  page,
  pageCount,
  href,
  label = 'Pagination',
  preventScrollReset = false,
}: Props) {
  if (pageCount <= 1) return null;
  const step = (to: number, text: string, rel: 'prev' | 'next') =>
    to < 1 || to > pageCount ? (
      <span className={`${ITEM} text-slate-600`} aria-disabled="true">
        {text}
      </span>
    ) : (
      <Link
        to={href(to)}
        rel={rel}
        preventScrollReset={preventScrollReset}
        className={`${ITEM} border border-slate-300 text-slate-800 hover:bg-slate-50`}
      >
        {text}
      </Link>
    );
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-1">
        <li>{step(page - 1, 'Previous', 'prev')}</li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-700">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={href(p)}
                preventScrollReset={preventScrollReset}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                className={`${ITEM} ${p === page ? 'bg-brand-700 text-white' : 'text-slate-800 hover:bg-slate-100'}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>{step(page + 1, 'Next', 'next')}</li>
      </ul>
    </nav>
  );
}
