import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { bucketLabel, ratingLabel } from '~/lib/filter-labels';
import type { CategoryLink } from '~/lib/listing.server';
import { bucketRange, isBucketActive, toggleTag, withChange, type SearchState } from '~/lib/search-params';
import type { Facets as FacetCounts, Named } from '~/lib/types';
import { FacetLink } from './facet-link';
import { PriceFilter } from './price-filter';

interface Props {
  state: SearchState;
  facets: FacetCounts;
  currency: string;
  action: string;
  href: (state: SearchState) => string;
  priceFields: [string, string][];
  /** Search page only: the category level to pick from (the category page shows its own subcategories). */
  categories?: { trail: Named[]; subcategories: CategoryLink[] } | undefined;
}

const VISIBLE_TAGS = 10;

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 py-4 first:border-t-0 first:pt-0">
      <h3 className="mb-2 text-sm font-bold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

export function Facets({ state, facets, currency, action, href, priceFields, categories }: Props) {
  // Chosen tags first, so they are never folded away under "more".
  const ordered = [...facets.tags].sort(
    (a, b) => Number(state.tags.includes(b.slug)) - Number(state.tags.includes(a.slug)),
  );
  const tags = ordered.map((tag) => (
    <li key={tag.slug}>
      <FacetLink
        to={href(toggleTag(state, tag.slug))}
        label={tag.name}
        count={tag.count}
        selected={state.tags.includes(tag.slug)}
      />
    </li>
  ));
  return (
    <div>
      {categories && (categories.trail.length || categories.subcategories.length) ? (
        <Group title="Category">
          <ul>
            {categories.trail.length ? (
              <li>
                <Link to={href(withChange(state, { category: null }))} className="btn-link">
                  All categories
                </Link>
              </li>
            ) : null}
            {categories.trail.map((c, i) => (
              <li key={c.slug} style={{ paddingLeft: `${i * 0.75}rem` }} className="py-1 text-sm">
                {i === categories.trail.length - 1 ? (
                  <span aria-current="true" className="font-semibold text-slate-900">
                    {c.name}
                  </span>
                ) : (
                  <Link to={href(withChange(state, { category: c.slug }))} className="btn-link">
                    {c.name}
                  </Link>
                )}
              </li>
            ))}
            {categories.subcategories.map((c) => (
              <li key={c.slug} style={{ paddingLeft: `${categories.trail.length * 0.75}rem` }}>
                <FacetLink
                  to={href(withChange(state, { category: c.slug }))}
                  label={c.name}
                  count={c.count}
                />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      <Group title="Availability">
        <FacetLink
          to={href(withChange(state, { inStock: !state.inStock }))}
          label="In stock only"
          selected={state.inStock}
        />
      </Group>
      <Group title="Price">
        <ul>
          {facets.priceRanges.map((bucket) => {
            const active = isBucketActive(state, bucket);
            const range = active ? { minPrice: null, maxPrice: null } : bucketRange(bucket);
            return (
              <li key={`${bucket.from ?? ''}-${bucket.to ?? ''}`}>
                <FacetLink
                  kind="radio"
                  to={href(withChange(state, range))}
                  label={bucketLabel(bucket, currency)}
                  count={bucket.count}
                  selected={active}
                />
              </li>
            );
          })}
        </ul>
        <PriceFilter
          action={action}
          currency={currency}
          minPrice={state.minPrice}
          maxPrice={state.maxPrice}
          fields={priceFields}
        />
      </Group>
      <Group title="Customer rating">
        <ul>
          {facets.ratings.map((r) => {
            const active = state.minRating === r.min;
            return (
              <li key={r.min}>
                <FacetLink
                  kind="radio"
                  to={href(withChange(state, { minRating: active ? null : r.min }))}
                  label={ratingLabel(r.min)}
                  count={r.count}
                  selected={active}
                />
              </li>
            );
          })}
        </ul>
      </Group>
      {tags.length ? (
        <Group title="Tags">
          <ul>{tags.slice(0, VISIBLE_TAGS)}</ul>
          {tags.length > VISIBLE_TAGS ? (
            <details className="mt-1">
              <summary className="btn-link cursor-pointer py-1">
                Show {tags.length - VISIBLE_TAGS} more tags
              </summary>
              <ul>{tags.slice(VISIBLE_TAGS)}</ul>
            </details>
          ) : null}
        </Group>
      ) : null}
    </div>
  );
}
