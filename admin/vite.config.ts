import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Chunks: every resource screen is loaded on first use (src/common/lazyScreen.ts), so the sign-in page loads the
 * entry, react-admin's and MUI's core (a shared chunk rolldown makes) and React. React has a chunk of its own: it
 * changes least, so it stays cached across releases. Grouping MUI or react-admin as wholes was tried and rejected:
 * such a chunk carries the list and form parts only screens need, and the sign-in page grew (262 → 266 KiB gzip).
 */
const codeSplitting = {
  groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 }],
};

// The API serves the built files at /admin (admin/dist); react-admin routes inside the page with the URL hash,
// so every screen is /admin/#/… and the server needs no fallback route.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rolldownOptions: { output: { codeSplitting } },
  },
  server: {
    port: 5174,
    // `npm run dev -w @market/admin` next to `npm start`: the API on its default port answers /api.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
