import { expect, test } from '@playwright/test';
import { productsInStock } from './catalog';
import { addToCart } from './shopper';
import { BROWSER_STACK } from './stack';

test('Google sign-in: the provider sends the shopper back, the code is exchanged, the guest cart joins the account', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[45]!;
  await addToCart(page, product.slug);

  await page.goto('/signin?next=/account/orders');
  await page.getByRole('link', { name: /Sign in with Google/ }).click();
  // /auth/google → the API → the provider (auto-approves) → the API's callback → /auth/callback?code=… → next.
  await expect(page).toHaveURL(/\/account\/orders$/, { timeout: 30_000 });
  expect(page.url()).not.toContain('code=');
  await page.goto('/account');
  await expect(page.getByText(BROWSER_STACK.google.email)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
});
