import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { productsInStock, typoOf } from './catalog';
import { shot } from './shots';
import { addToCart, checkOut, expectStatus, payWith, uniqueEmail } from './shopper';

test('a guest browses, finds a product through a typo, narrows by a facet, saves one item for later, pays with a Visa, watches the order move by itself and downloads the invoice', async ({
  page,
  request,
}) => {
  const [product, other] = await productsInStock(request);
  const { typo } = typoOf(product!.title);

  await page.goto('/');
  await shot(page, 'home');
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main article').first()).toBeVisible();
  await shot(page, 'category');

  // Search with a typo: the engine forgives it.
  await page.getByRole('searchbox', { name: 'Search products' }).first().fill(typo);
  await page.getByRole('searchbox', { name: 'Search products' }).first().press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  const result = page.locator('main article').getByRole('link', { name: product!.title });
  await expect(result).toBeVisible();
  // The header's box still shows what was searched for.
  await expect(page.locator('#site-search')).toHaveValue(typo);
  await shot(page, 'search-typo');
  await expectAccessible(page);

  // A facet narrows the result and lives in the URL.
  await page
    .getByRole('link', { name: /In stock only/ })
    .first()
    .click();
  await expect(page).toHaveURL(/inStock=true/);
  await expect(result).toBeVisible();
  await shot(page, 'search-facet');

  await result.click();
  await expect(page).toHaveURL(new RegExp(`/p/${product!.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: product!.title })).toBeVisible();
  await shot(page, 'product');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added 1 to your cart.')).toBeVisible();
  await addToCart(page, other!.slug);

  // Save the second item for later, bring it back, save it again: only the first is bought.
  await page.goto('/cart');
  const otherLine = page.getByRole('listitem').filter({ hasText: other!.title });
  await otherLine.getByRole('button', { name: 'Save for later' }).click();
  const saved = page.getByRole('region', { name: 'Saved for later' });
  await expect(saved.getByRole('link', { name: other!.title })).toBeVisible();
  await saved.getByRole('button', { name: 'Move to cart' }).click();
  await expect(saved).toHaveCount(0);
  await page
    .getByRole('listitem')
    .filter({ hasText: other!.title })
    .getByRole('button', { name: 'Save for later' })
    .click();
  await expect(
    page.getByRole('region', { name: 'Saved for later' }).getByRole('link', { name: other!.title }),
  ).toBeVisible();
  await shot(page, 'cart');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Check out' }).first().click();
  await expect(page.getByRole('button', { name: 'Place order' })).toBeVisible();
  await shot(page, 'checkout');
  await expectAccessible(page);

  await checkOut(page, uniqueEmail('journey'));
  await expect(page.getByText(product!.title)).toBeVisible();
  await expect(page.getByText(other!.title)).toHaveCount(0);
  await shot(page, 'pay');
  await payWith(page, /Visa/);

  await expect(page).toHaveURL(/\/orders\/\d+\?placed=1$/, { timeout: 30_000 });
  await expect(page.getByText('Thank you for your order!')).toBeVisible();
  await expectStatus(page, /Paid|Processing/);
  await expect(page.getByText('Payment captured')).toBeVisible();
  await shot(page, 'order');

  // The invoice is made in the background; the page shows its link once it exists, without a reload.
  const invoice = page.getByRole('link', { name: /Download invoice/ });
  await expect(invoice).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), invoice.click()]);
  expect(download.suggestedFilename()).toMatch(/^INV-\d+\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The saved item is still saved for later.
  await page.goto('/cart');
  await expect(
    page.getByRole('region', { name: 'Saved for later' }).getByRole('link', { name: other!.title }),
  ).toBeVisible();
});

test('the product page carries its data in the server HTML: meta tags and JSON-LD Product', async ({
  request,
}) => {
  const [product] = await productsInStock(request);
  const html = await (await request.get(`/p/${product!.slug}`)).text();
  expect(html).toContain(`<title>${product!.title}`);
  expect(html).toMatch(/<meta property="og:type" content="product"/);
  const ld = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1];
  const data = JSON.parse(ld!) as {
    '@type': string;
    name: string;
    offers: { priceCurrency: string; availability: string };
  };
  expect(data['@type']).toBe('Product');
  expect(data.name).toBe(product!.title);
  expect(data.offers.priceCurrency).toBe('USD');
  expect(data.offers.availability).toBe('https://schema.org/InStock');
});
