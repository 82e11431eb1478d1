import { formatDate } from '~/lib/format';
import type { Page, Review } from '~/lib/types';
import { Pagination } from './pagination';

interface Props {
  reviews: Page<Review> | null;
  href: (page: number) => string;
}

export function ReviewList({ reviews, href }: Props) {
  if (!reviews)
    return <p className="text-slate-700">Reviews could not be loaded just now. Please try again later.</p>;
  if (reviews.items.length === 0) {
    return (
      <p className="text-slate-700">
        {reviews.page > 1
          ? 'There are no more reviews.'
          : 'No written reviews yet. Be the first to share yours.'}
      </p>
    );
  }
  const pageCount = Math.ceil(reviews.total / reviews.pageSize);
  return (
    <div>
      <ul className="divide-y divide-slate-200">
        {reviews.items.map((review) => (
          <li key={review.id} className="py-4">
            <article aria-labelledby={`review-${review.id}`}>
              <p className="text-amber-600">
                <span aria-hidden="true">{'★'.repeat(review.rating) + '☆'.repeat(5 - review.rating)}</span>
                <span className="sr-only">{`Rated ${review.rating} out of 5`}</span>
              </p>
              <h3 id={`review-${review.id}`} className="mt-1 font-semibold text-slate-900">
                {review.title ?? `${review.rating} out of 5 stars`}
              </h3>
              <p className="mt-1 text-sm text-slate-700">
                By {review.author} on <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
              </p>
              <p className="mt-2 whitespace-pre-line text-slate-800">{review.body}</p>
            </article>
          </li>
        ))}
      </ul>
      <Pagination
        page={reviews.page}
        pageCount={pageCount}
        href={href}
        label="Review pages"
        preventScrollReset
      />
    </div>
  );
}
