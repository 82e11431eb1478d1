import { Link } from 'react-router';
import type { Chip } from '~/lib/filter-labels';
import type { SearchState } from '~/lib/search-params';

interface Props {
  chips: Chip[];
  clearHref: string;
  href: (state: SearchState) => string;
}

/** The filters in force, each removable on its own, and one link that removes them all. */
export function ActiveFilters({ chips, clearHref, href }: Props) {
  if (chips.length === 0) return null;
  return (
    <section aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              to={href(chip.without)}
              aria-label={`Remove filter ${chip.label}`}
              className="inline-flex items-center gap-1 rounded-full border border-brand-700 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100"
            >
              {chip.label}
              <span aria-hidden="true" className="text-base leading-none">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={clearHref} className="btn-link">
        Clear all
      </Link>
    </section>
  );
}
