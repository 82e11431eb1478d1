/** Where the browser tests' platform listens (e2e/browser/serve.ts) and what it seeds. */
export const BROWSER_STACK = {
  port: 3310,
  baseUrl: 'http://localhost:3310',
  /** A Redis database of its own: the catalog cache and rate limits never mix with the Jest suites' keys. */
  redisDb: 7,
  products: 60,
  adminPassword: 'browser-admin-password-1',
  /** The account the mock Google (oauth2-mock-server) signs every browser test in as. */
  google: {
    sub: 'google-browser-shopper',
    email: 'google.shopper@example.com',
    email_verified: true,
    name: 'Gia Google',
  },
} as const;
