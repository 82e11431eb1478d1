import { expect, test } from '@playwright/test';
import { productsInStock } from './catalog';

test.use({ javaScriptEnabled: false });

test('without JavaScript a shopper browses, searches, filters, opens a product and adds it to the cart', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[30]!;
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Featured products' })).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(product.title)}`);
  const result = page.locator('main article').getByRole('link', { name: product.title });
  await expect(result).toBeVisible();
  await page
    .getByRole('link', { name: /In stock only/ })
    .first()
    .click();
  await expect(page).toHaveURL(/inStock=true/);
  await result.click();

  await expect(page.getByRole('heading', { level: 1, name: product.title })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added 1 to your cart.')).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('listitem').filter({ hasText: product.title })).toBeVisible();
});
