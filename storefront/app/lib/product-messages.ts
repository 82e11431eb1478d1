// What the product page says when adding to the cart or posting a review is refused.
import { formErrors, type FormErrors } from './form-errors';
import { ApiError, messageFor } from './problem';

function codes(error: ApiError): string[] {
  const fieldCodes = (error.problem.errors ?? []).map((e) => (e as { code?: string }).code ?? '');
  return [error.code ?? '', ...fieldCodes];
}

export function addToCartMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageFor(error);
  const found = codes(error);
  if (found.includes('quantity_limit'))
    return 'A cart can hold at most 99 of one product. Choose a smaller quantity, or change it in your cart.';
  if (found.includes('product_unavailable') || error.status === 404)
    return 'Sorry, this product is no longer available.';
  if (found.includes('currency_mismatch'))
    return 'Sorry, this product cannot be bought in this shop right now.';
  if (error.status === 422) return 'Choose a quantity from 1 to 99.';
  return messageFor(error);
}

export function reviewErrors(error: unknown): FormErrors {
  if (error instanceof ApiError) {
    if (error.code === 'review_exists')
      return { message: 'You have already reviewed this product. Thank you!', fields: {} };
    if (error.code === 'customers_only' || error.status === 403)
      return { message: 'Only customer accounts can write reviews; staff accounts cannot.', fields: {} };
    if (error.status === 401)
      return { message: 'Your session has ended. Please sign in again to post your review.', fields: {} };
    if (error.status === 404) return { message: 'Sorry, this product is no longer available.', fields: {} };
  }
  return formErrors(error, {
    'rating:too_small': 'Choose a rating from 1 to 5 stars.',
    'rating:too_big': 'Choose a rating from 1 to 5 stars.',
    'body:too_small': 'Write a few words about the product.',
    'body:too_big': 'Keep your review under 5,000 characters.',
    'title:too_big': 'Keep the title under 200 characters.',
  });
}
