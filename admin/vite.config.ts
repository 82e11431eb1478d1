import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built files at /admin (admin/dist); react-admin routes inside the page with the URL hash,
// so every screen is /admin/#/… and the server needs no fallback route.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  server: {
    port: 5174,
    // `npm run dev -w @market/admin` next to `npm start`: the API on its default port answers /api.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
