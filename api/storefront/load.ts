import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';

/** The storefront workspace (its sources; npm start builds them when stale). */
export const STOREFRONT_SOURCES = path.dirname(require.resolve('@market/storefront/package.json'));

export interface StorefrontBuild {
  server: ServerBuild;
  /** build/client: hashed assets under assets/, plus favicon and robots.txt. */
  clientDir: string;
}

/**
 * The built shop (config.storefrontBuildDir, made by `npm run build -w storefront`; npm start builds it when it is
 * missing or stale), or null when there is none: the API then serves /api only.
 */
export async function loadStorefront(buildDir: string): Promise<StorefrontBuild | null> {
  const serverFile = path.join(buildDir, 'server/index.js');
  if (!existsSync(serverFile)) return null;
  const server = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
  return { server, clientDir: path.join(buildDir, 'client') };
}
