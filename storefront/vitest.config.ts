import { defineConfig } from 'vitest/config';

// Component and logic tests for code that runs in the browser (no React Router plugin: plain components).
export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  test: { environment: 'happy-dom', include: ['app/**/*.test.{ts,tsx}'] },
});
