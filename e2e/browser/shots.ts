import type { Page } from '@playwright/test';

/** A full-page screenshot kept as a CI artifact (test-results/screens/<name>.png). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
