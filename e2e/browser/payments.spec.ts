import { expect, test } from '@playwright/test';
import { productsInStock } from './catalog';
import { shot } from './shots';
import { addToCart, checkOut, expectStatus, payWith, uniqueEmail } from './shopper';

test('a declined card gets a clear message, the cart and address come back, and a second card pays', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[10]!;
  await addToCart(page, product.slug);
  await checkOut(page, uniqueEmail('declined'));
  await payWith(page, /Declined/);

  await expect(page).toHaveURL(/\/checkout\?from=\d+&declined=/, { timeout: 30_000 });
  await expect(page.getByText(/Your card was declined .*Nothing was charged/)).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Shopper');
  await expect(page.getByLabel('City')).toHaveValue('Berlin');
  await shot(page, 'checkout-after-decline');

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\/pay$/, { timeout: 30_000 });
  await payWith(page, /Visa/);
  await expect(page).toHaveURL(/\/orders\/\d+(\?placed=1)?$/, { timeout: 30_000 });
  await expectStatus(page, /Paid|Processing/);
});

test('3-D Secure: the bank check is approved and the order page moves to paid by itself', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[11]!;
  await addToCart(page, product.slug);
  await checkOut(page, uniqueEmail('threeds'));
  await shot(page, 'pay');
  await payWith(page, /3-D Secure/);

  await expect(page).toHaveURL(/\/orders\/\d+\/authenticate$/, { timeout: 30_000 });
  await shot(page, 'bank-check');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expectStatus(page, /Paid|Processing/);
  await expect(page.getByText('Payment captured')).toBeVisible();
});
