import { data, type AppLoadContext } from 'react-router';
import { postJson } from './api.server';
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
  const fields: Record<string, string> = {};
  const rating = Number(values.rating);
  if (!/^[1-5]$/.test(values.rating)) fields.rating = 'Choose a rating from 1 to 5 stars.';
  if (!values.body.trim()) fields.body = 'Write a few words about the product.';
  if (values.body.trim().length > 5000) fields.body = 'Keep your review under 5,000 characters.';
  if (values.title.trim().length > 200) fields.title = 'Keep the title under 200 characters.';
  if (Object.keys(fields).length) {
    return data<ReviewResult>(
      { intent: 'review', ok: false, error: 'Please correct the marked fields.', fields, values },
      { status: 422 },
    );
  }
  const title = values.title.trim();
  try {
    await postJson<Review>(context, `/api/products/${slug}/reviews`, {
      rating,
      body: values.body.trim(),
      ...(title ? { title } : {}),
    });
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
