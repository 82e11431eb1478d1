import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Component and logic tests for code that runs in the browser (no React Router plugin: plain components).
export default defineConfig({
  resolve: {
    alias: { '~': new URL('./app', import.meta.url).pathname },
    // Workspace packages (@market/schemas) export their TypeScript under `source`.
    conditions: ['source', ...defaultClientConditions],
  },
  test: { environment: 'happy-dom', include: ['app/**/*.test.{ts,tsx}'] },
});
