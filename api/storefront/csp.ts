import type { Config } from '../config';

/**
 * The shop's Content-Security-Policy: scripts only from this origin or inline with this request's nonce (React
 * Router's hydration data); images also from the object store when it is another origin.
 */
export function storefrontCsp(config: Config, nonce: string): string {
  const images = ["'self'", 'data:', 'blob:'];
  const storage = config.storage;
  if (storage.kind === 's3') images.push(storage.endpoint ? new URL(storage.endpoint).origin : 'https:');
  // Stripe.js and its Payment Element frames, only when the shop takes cards through Stripe.
  const stripe = config.payments.provider === 'stripe';
  const scripts = stripe ? ' https://js.stripe.com' : '';
  const connect = stripe ? ' https://api.stripe.com' : '';
  const frames = stripe ? 'https://js.stripe.com https://hooks.stripe.com' : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    `connect-src 'self'${connect}`,
    `frame-src ${frames}`,
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
