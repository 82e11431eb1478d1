import { loadConfig } from '../config';
import { storefrontCsp } from './csp';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

test('shop pages allow inline scripts only with the request nonce, images from the object store', () => {
  const csp = storefrontCsp(
    loadConfig({ S3_BUCKET: 'shop', S3_ENDPOINT: 'http://127.0.0.1:19000', JWT_SECRET: 'x'.repeat(32) }),
    'abc123',
  );
  expect(directive(csp, 'script-src')).toBe("'self' 'nonce-abc123'");
  expect(directive(csp, 'img-src')).toBe("'self' data: blob: http://127.0.0.1:19000");
  expect(directive(csp, 'frame-src')).toBe("'none'");
  expect(directive(csp, 'frame-ancestors')).toBe("'none'");
  expect(directive(csp, 'connect-src')).toBe("'self'");
});

test('with Stripe, Stripe.js and its frames are allowed, and nothing else from outside', () => {
  const csp = storefrontCsp(
    loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_123',
    }),
    'n',
  );
  expect(directive(csp, 'script-src')).toBe("'self' 'nonce-n' https://js.stripe.com");
  expect(directive(csp, 'frame-src')).toBe('https://js.stripe.com https://hooks.stripe.com');
  expect(directive(csp, 'connect-src')).toBe("'self' https://api.stripe.com");
  expect(directive(csp, 'img-src')).toBe("'self' data: blob:");
});
