import { defineConfig } from 'vitest/config';

// Logic tests for code that runs in the browser: the auth session, the HTTP client, the data provider, money.
export default defineConfig({
  test: { environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
