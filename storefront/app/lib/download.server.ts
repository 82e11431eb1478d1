import type { AppLoadContext } from 'react-router';
import { COOKIES } from './api.server';

/**
 * A binary GET (the invoice PDF) as this shopper. callApi reads bodies as text, which would corrupt the bytes, so
 * this asks the API glue for a base64 body. It sends the cookies' tokens as they are: call callApi for the same
 * resource first, which refreshes an expired access token and checks the order is the shopper's.
 */
export async function downloadFromApi(
  context: AppLoadContext,
  path: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  bytes: Buffer;
}> {
  const { cookies } = context.shop;
  const headers: Record<string, string> = { accept: 'application/pdf, application/problem+json' };
  const access = cookies.get(COOKIES.access);
  const cart = cookies.get(COOKIES.cart);
  if (access) headers.authorization = `Bearer ${access}`;
  if (cart) headers['cart-token'] = cart;
  const answer = await context.shop.api({ method: 'GET', path, headers, binary: true });
  return { status: answer.status, headers: answer.headers, bytes: Buffer.from(answer.body, 'base64') };
}
