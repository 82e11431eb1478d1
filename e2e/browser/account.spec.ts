import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { productsInStock } from './catalog';
import { shot } from './shots';
import { addToCart, checkOut, expectStatus, payWith, uniqueEmail } from './shopper';

const PASSWORD = 'a-long-shopper-passphrase-42';

test('a shopper signs up, buys, sees the order in the history, cancels it before it ships, signs out and in again', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[20]!;
  const email = uniqueEmail('account');

  // A guest cart joins the account at sign-up.
  await addToCart(page, product.slug);
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Grace Shopper');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await shot(page, 'signup');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  await shot(page, 'account');
  await expectAccessible(page);

  // Signed in, checkout takes the account's email.
  await checkOut(page, null);
  await payWith(page, /Visa/);
  await expectStatus(page, /Paid|Processing/);
  const number = (await page.locator('main h1 span').textContent())!.trim();

  await page.goto('/account/orders');
  const row = page.getByRole('link', { name: new RegExp(number) });
  await expect(row).toBeVisible();
  await shot(page, 'order-history');
  await row.click();

  // Cancel while it has not shipped: refunded in full, shown on the page.
  await page.getByText('Cancel this order…').click();
  await page.getByLabel('Reason (optional)').fill('Ordered the wrong size');
  await page.getByRole('button', { name: 'Yes, cancel this order' }).click();
  await expectStatus(page, /Cancelled/);
  await expect(page.getByText('Cancel this order…')).toHaveCount(0);
  await shot(page, 'order-cancelled');

  // Sign out, then a wrong password, then the right one.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/signin?next=/account/orders');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is wrong')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await shot(page, 'signin-error');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole('link', { name: new RegExp(number) })).toBeVisible();
});
