import { expect, type Page, test } from '@playwright/test';
import { productsInStock } from './catalog';
import { ADDRESS, uniqueEmail } from './shopper';

/** Tabs until the focused element matches `source` (a predicate's source text), as a keyboard user does. */
async function tabTo(page: Page, source: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([fn]) => {
        const el = document.activeElement;
        return el ? (new Function('el', `return (${fn})(el)`) as (e: Element) => boolean)(el) : false;
      },
      [source],
    );
    if (hit) return;
  }
  throw new Error(`could not reach ${source} with Tab`);
}

test('keyboard only: search, open a product, add it, check out and reach the payment page', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request))[40]!;
  await page.goto('/');
  await tabTo(page, '(el) => el.id === "site-search"');
  await page.keyboard.type(product.title);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);

  const href = `/p/${product.slug}`;
  await tabTo(page, `(el) => el.getAttribute('href') === ${JSON.stringify(href)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: product.title })).toBeVisible();

  await tabTo(page, `(el) => el.tagName === 'BUTTON' && el.textContent.trim() === 'Add to cart'`);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Added 1 to your cart.')).toBeVisible();

  await tabTo(page, `(el) => el.getAttribute('href') === '/cart'`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cart$/);
  await tabTo(page, `(el) => el.getAttribute('href') === '/checkout'`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/checkout/);

  const fill = async (label: string, value: string) => {
    await tabTo(
      page,
      `(el) => el.labels && [...el.labels].some((l) => l.textContent.trim() === ${JSON.stringify(label)})`,
    );
    await page.keyboard.type(value);
  };
  await fill('Email', uniqueEmail('keyboard'));
  await fill('Full name', ADDRESS.name);
  await fill('Street address', ADDRESS.line1);
  await fill('City', ADDRESS.city);
  await fill('Postal code', ADDRESS.postalCode);
  // A focused select takes type-ahead, as with any keyboard.
  await fill('Country', 'Germany');
  await expect(page.getByLabel('Country')).toHaveValue('DE');
  await tabTo(page, `(el) => el.tagName === 'BUTTON' && el.textContent.trim() === 'Place order'`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\/\d+\/pay$/, { timeout: 30_000 });
  await expect(page.getByRole('radio', { name: /Visa/ })).toBeVisible();
});
