import path from 'node:path';
import { buildIfStale } from '../build-if-stale';

/** `npm start` builds the shop when its build is missing or older than its sources. */
export function buildStorefrontIfStale(storefrontDir: string, buildDir: string): Promise<void> {
  return buildIfStale({
    label: 'storefront',
    dir: storefrontDir,
    sources: ['app', 'public', 'package.json', 'vite.config.ts', 'react-router.config.ts'],
    builtFile: path.join(buildDir, 'server/index.js'),
    command: ['npx', '--no-install', 'react-router', 'build'],
    env: { STOREFRONT_BUILD_DIR: buildDir },
  });
}
