import { defineConfig } from '@playwright/test';
import { BROWSER_STACK } from './e2e/browser/stack';

// Browser tests: Debian's chromium (`npx playwright install` cannot download browsers here) against the whole
// platform on the real test stack, started by e2e/browser/serve.ts. `npm test` runs them after Jest; alone:
// `eval "$(bash scripts/stack.sh env)" && npx playwright test` once the stack is up and the shop is built.
export default defineConfig({
  testDir: 'e2e/browser',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/browser',
  // One platform, one shopper at a time: the suites share the catalog's stock.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    baseURL: BROWSER_STACK.baseUrl,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node --import tsx --conditions=source e2e/browser/serve.ts',
    url: `${BROWSER_STACK.baseUrl}/api/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
