import type { Config } from '@react-router/dev/config';

// Server-rendered; the API's Express app serves build/server and build/client (api/storefront/).
// STOREFRONT_BUILD_DIR (the API reads the same variable) lets several checkouts' builds live side by side.
export default {
  appDirectory: 'app',
  buildDirectory: process.env.STOREFRONT_BUILD_DIR ?? 'build',
  ssr: true,
} satisfies Config;
