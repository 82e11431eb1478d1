import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  plugins: [tailwindcss(), reactRouter()],
  build: { manifest: true, assetsInlineLimit: 0 },
  // Workspace packages (@market/schemas) export their TypeScript under the `source` condition, as for tsx and Jest.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // The server build carries its dependencies: it runs from any directory (STOREFRONT_BUILD_DIR) and the
  // production image needs no storefront node_modules.
  ssr: { noExternal: true, resolve: { conditions: ['source', ...defaultServerConditions] } },
  // A build is production code wherever it runs: React must not pick its development bundle on the server because
  // the process runs with NODE_ENV=development (npm start) or test.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: { port: 5173 },
}));
