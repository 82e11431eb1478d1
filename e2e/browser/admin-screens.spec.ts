import { expect, test } from '@playwright/test';
import { paidOrder, signInToAdmin } from './admin';
import { expectAccessible } from './axe';
import { productsInStock } from './catalog';
import { shot } from './shots';

test('the dashboard shows today’s sale and the backlog; every main screen passes axe', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request)).at(-6)!;
  const order = await paidOrder(product.id);

  await page.goto('/admin/');
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
  await expectAccessible(page);

  await signInToAdmin(page, 'admin');
  await page.goto('/admin/#/');
  const sales = page.getByRole('region', { name: 'Sales' });
  await expect(sales.getByRole('group', { name: 'Net revenue' })).toContainText(/[1-9]/);
  await expect(sales.getByRole('group', { name: 'Orders' })).toContainText(/[1-9]/);
  const top = page.getByRole('region', { name: 'Top products' });
  await expect(top.getByRole('link', { name: product.title })).toBeVisible();
  const open = page.getByRole('region', { name: 'Open orders' });
  await expect(open.getByRole('table')).toBeVisible();
  // Both charts drawn: the day axis under the sales, a bar for the category that sold.
  await expect(sales.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
  await expect(sales.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle path').nth(1)).toBeVisible();
  // The chart's figures as a table too: today's row counts the sale.
  await sales.getByText('Figures per day').click();
  const today = new Date().toISOString().slice(0, 10);
  const todayRow = sales
    .getByRole('table', { name: 'Net revenue and orders per day' })
    .getByRole('row')
    .filter({ hasText: today });
  await expect(todayRow.getByRole('cell').nth(1)).toHaveText(/^[1-9]/);
  await sales.getByText('Figures per day').click();
  await shot(page, 'admin-dashboard');
  await expectAccessible(page);

  for (const [path, ready] of [
    ['/admin/#/orders', 'Orders'],
    [`/admin/#/orders/${order.id}/show`, 'Lines and totals'],
    ['/admin/#/products', 'Products'],
    [`/admin/#/products/${product.id}`, product.title],
    ['/admin/#/inventory', 'Inventory'],
    ['/admin/#/reviews', 'Reviews'],
    ['/admin/#/categories', 'Categories'],
    ['/admin/#/users', 'Users'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByText(ready).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
  }
});

test('list rows are reachable and operable by keyboard', async ({ page, request }) => {
  const product = (await productsInStock(request)).at(-7)!;
  const order = await paidOrder(product.id);
  await signInToAdmin(page, 'admin');
  await page.goto(`/admin/#/orders?filter=${encodeURIComponent(JSON.stringify({ q: order.number }))}`);
  const row = page.getByRole('row').filter({ hasText: order.number });
  await expect(row).toBeVisible();
  // Tab until the row itself has focus (past the filters and the row's checkbox), then open it with Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await row.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}/show`));
  await expect(page.getByText(`Order ${order.number}`).first()).toBeVisible();
  // Opened from the list, the page first holds the list's row; the detail replaces it without an error.
  await expect(page.getByText('Lines and totals')).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('status tabs filter the order list and count each group under the other filters', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request)).at(-8)!;
  const order = await paidOrder(product.id);
  await signInToAdmin(page, 'admin');
  await page.goto(`/admin/#/orders?filter=${encodeURIComponent(JSON.stringify({ q: order.number }))}`);
  const tabs = page.getByRole('tablist', { name: 'Orders by status' });
  const row = page.getByRole('row').filter({ hasText: order.number });
  await expect(tabs.getByRole('tab', { name: 'All (1)' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'To ship (1)' })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Delivered (0)' })).toBeVisible();

  await tabs.getByRole('tab', { name: /^Delivered/ }).click();
  await expect(row).toHaveCount(0);
  await tabs.getByRole('tab', { name: /^To ship/ }).click();
  await expect(row).toBeVisible();
  await expect(tabs.getByRole('tab', { name: /^To ship/ })).toHaveAttribute('aria-selected', 'true');
  expect(decodeURIComponent(page.url())).toContain('"status":["paid","processing"]');
  await expectAccessible(page);
  await shot(page, 'admin-orders-to-ship');
});
