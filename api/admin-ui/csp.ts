import type { Config } from '../config';

/**
 * The back office's Content-Security-Policy: scripts only from this origin (Vite's build has no inline script);
 * inline styles, because MUI (emotion) writes its styles at run time; images and presigned uploads (PUT) also to
 * the object store when it is another origin.
 */
export function adminCsp(config: Config): string {
  const storage = config.storage.kind === 's3' ? storageOrigin(config.storage.endpoint) : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${storage}`,
    `connect-src 'self'${storage}`,
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

function storageOrigin(endpoint: string | null | undefined): string {
  return ` ${endpoint ? new URL(endpoint).origin : 'https:'}`;
}
