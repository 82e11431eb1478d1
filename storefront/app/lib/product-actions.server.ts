import { data, type AppLoadContext } from 'react-router';
import { createReviewBody } from '@market/schemas/review';
import { postJson } from './api.server';
import { checkBody } from './check-body.server';
import { addToCartMessage, reviewErrors } from './product-messages';
import type { CartView, Review } from './types';

export type AddResult =
  | { intent: 'add'; ok: true; quantity: number }
  | { intent: 'add'; ok: false; error: string; quantity: string };

export interface ReviewValues {
  rating: string;
  title: string;
  body: string;
}

export type ReviewResult =
  | { intent: 'review'; ok: true }
  | { intent: 'review'; ok: false; error: string; fields: Record<string, string>; values: ReviewValues };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function addToCart(context: AppLoadContext, form: FormData) {
  const quantityText = text(form, 'quantity').trim();
  const productId = Number(text(form, 'productId'));
  const quantity = /^\d{1,2}$/.test(quantityText) ? Number(quantityText) : 0;
  if (quantity < 1 || quantity > 99 || !Number.isInteger(productId) || productId < 1) {
    return data<AddResult>(
      { intent: 'add', ok: false, error: 'Choose a quantity from 1 to 99.', quantity: quantityText },
      { status: 422 },
    );
  }
  try {
    await postJson<CartView>(context, '/api/cart/items', { productId, quantity });
    return data<AddResult>({ intent: 'add', ok: true, quantity });
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500;
    return data<AddResult>(
      { intent: 'add', ok: false, error: addToCartMessage(error), quantity: quantityText },
      { status: status >= 400 ? status : 500 },
    );
  }
}

export async function postReview(context: AppLoadContext, slug: string, form: FormData) {
  const values: ReviewValues = {
    rating: text(form, 'rating'),
    title: text(form, 'title'),
    body: text(form, 'body'),
  };
  const title = values.title.trim();
  try {
    // No stars chosen is 0 stars: the schema refuses it as too small, with the words reviewErrors gives that.
    const rating = /^\d$/.test(values.rating) ? Number(values.rating) : 0;
    const body = checkBody(createReviewBody, { rating, body: values.body, ...(title ? { title } : {}) });
    await postJson<Review>(context, `/api/products/${slug}/reviews`, body);
    return data<ReviewResult>({ intent: 'review', ok: true });
  } catch (error) {
    const { message, fields: apiFields } = reviewErrors(error);
    const status = (error as { status?: number }).status ?? 500;
    return data<ReviewResult>(
      { intent: 'review', ok: false, error: message, fields: apiFields, values },
      { status: status >= 400 ? status : 500 },
    );
  }
}
