// The load context the API gives every request (api/storefront/context.ts declares the same shape).
export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface ApiCall {
  method: string;
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
  api(call: ApiCall): Promise<ApiAnswer>;
  cookies: CookieJar;
  nonce: string;
  settings: ShopSettings;
}

declare module 'react-router' {
  interface AppLoadContext {
    shop: ShopContext;
  }
}
