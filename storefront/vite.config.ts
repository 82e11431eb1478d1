import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  build: { manifest: true, assetsInlineLimit: 0 },
  // The server build carries its dependencies: it runs from any directory (STOREFRONT_BUILD_DIR) and the
  // production image needs no storefront node_modules.
  ssr: { noExternal: true },
  server: { port: 5173 },
});
