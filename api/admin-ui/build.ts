import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildIfStale } from '../build-if-stale';

/** The admin workspace (its sources; npm start builds them when stale). */
export const ADMIN_SOURCES = path.dirname(require.resolve('@market/admin/package.json'));

/** The built back office: `index.html` and hashed files under `assets/`. */
export interface AdminBuild {
  dir: string;
}

/** The build in `dir` (config.adminBuildDir), or null when there is none: the API then serves no /admin. */
export function findAdminBuild(dir: string): AdminBuild | null {
  return existsSync(path.join(dir, 'index.html')) ? { dir } : null;
}

/** `npm start` builds the back office when its build is missing or older than its sources. */
export function buildAdminIfStale(adminDir: string, buildDir: string): Promise<void> {
  return buildIfStale({
    label: 'admin',
    dir: adminDir,
    sources: ['src', 'public', 'index.html', 'package.json', 'vite.config.ts'],
    builtFile: path.join(buildDir, 'index.html'),
    command: ['npx', '--no-install', 'vite', 'build', '--outDir', buildDir, '--emptyOutDir'],
  });
}
