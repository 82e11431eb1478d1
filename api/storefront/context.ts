/**
 * What the API hands every storefront request (React Router's load context). storefront/app/lib/context.ts
 * declares the same shape for the shop's loaders and actions; the two are kept in step by the storefront's
 * type-check (it imports nothing from the API) and by the browser tests.
 */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface ApiCall {
  method: string;
  /** Path and query under the API, e.g. `/api/products?q=lamp`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Answer the body base64-encoded (PDFs, images) instead of as UTF-8 text. */
  binary?: boolean;
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { maxAgeSeconds?: number }): void;
  clear(name: string): void;
}

export interface ShopSettings {
  name: string;
  currency: string;
  brandColor: string;
  logoUrl: string | null;
  supportEmail: string | null;
  googleSignIn: boolean;
  publicUrl: string;
  /** Built-in test payments (test card ids), or Stripe's Payment Element with this publishable key. */
  payments: { provider: 'test' } | { provider: 'stripe'; publishableKey: string | null };
}

export interface ShopContext {
  /** Calls the API in-process, through the same middleware chain as HTTP, as this shopper's client. */
  api(call: ApiCall): Promise<ApiAnswer>;
  cookies: CookieJar;
  /** The per-request CSP nonce for inline scripts. */
  nonce: string;
  settings: ShopSettings;
}
