import { useFetcher } from 'react-router';
import type { ReviewResult } from '~/lib/product-actions.server';
import { Notice } from './notice';

interface Props {
  productTitle: string;
  result: ReviewResult | undefined;
}

const RATINGS = [5, 4, 3, 2, 1];

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** A signed-in customer's review; it is held for moderation, so the answer is a thank-you, not the review. */
export function ReviewForm({ productTitle, result }: Props) {
  const fetcher = useFetcher<ReviewResult>({ key: 'review' });
  const answer = fetcher.data ?? result;
  const busy = fetcher.state !== 'idle';
  if (answer?.ok) {
    return <Notice tone="success">Thanks, your review will appear once approved.</Notice>;
  }
  const failed = answer && !answer.ok ? answer : null;
  const values = failed?.values;
  const errors = failed?.fields ?? {};
  return (
    <fetcher.Form method="post" className="card space-y-4" aria-labelledby="review-form-heading" noValidate>
      <h3 id="review-form-heading" className="text-lg font-bold">
        Write a review
      </h3>
      <input type="hidden" name="intent" value="review" />
      <div aria-live="assertive">{failed && !busy ? <Notice tone="error">{failed.error}</Notice> : null}</div>
      <fieldset aria-describedby={errors.rating ? 'review-rating-error' : undefined}>
        <legend className="label">Your rating of {productTitle}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {RATINGS.map((n) => (
            <label key={n} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="rating"
                value={n}
                required
                defaultChecked={values?.rating === String(n)}
                aria-invalid={errors.rating ? true : undefined}
                className="h-4 w-4 accent-brand-700"
              />
              <span>
                <span aria-hidden="true" className="text-amber-600">
                  {'★'.repeat(n)}
                </span>{' '}
                {n} {n === 1 ? 'star' : 'stars'}
              </span>
            </label>
          ))}
        </div>
        <FieldError id="review-rating-error" message={errors.rating} />
      </fieldset>
      <div>
        <label htmlFor="review-title" className="label">
          Title <span className="font-normal text-slate-700">(optional)</span>
        </label>
        <input
          id="review-title"
          name="title"
          maxLength={200}
          defaultValue={values?.title ?? ''}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'review-title-error' : undefined}
          className="input"
        />
        <FieldError id="review-title-error" message={errors.title} />
      </div>
      <div>
        <label htmlFor="review-body" className="label">
          Your review
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={5}
          required
          maxLength={5000}
          defaultValue={values?.body ?? ''}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? 'review-body-error' : undefined}
          className="input"
        />
        <FieldError id="review-body-error" message={errors.body} />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? 'Posting…' : 'Post review'}
      </button>
    </fetcher.Form>
  );
}
