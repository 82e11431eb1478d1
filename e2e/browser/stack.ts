import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the browser tests' platform listens (e2e/browser/serve.ts) and what it seeds. */
export const BROWSER_STACK = {
  port: 3310,
  baseUrl: 'http://localhost:3310',
  /** A Redis database of its own: the catalog cache and rate limits never mix with the Jest suites' keys. */
  redisDb: 7,
  products: 60,
  adminPassword: 'browser-admin-password-1',
  /** While this file exists, the platform's captures fail (e2e/browser/serve.ts): an order gets stuck for support. */
  captureFaultFile: path.join(tmpdir(), 'market-browser-capture-down'),
  /** The account the mock Google (oauth2-mock-server) signs every browser test in as. */
  google: {
    sub: 'google-browser-shopper',
    email: 'google.shopper@example.com',
    email_verified: true,
    name: 'Gia Google',
  },
} as const;
