import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('the embedded default needs no variables at all', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: path.resolve('.data/market.sqlite') });
    expect(config.redis).toBeNull();
    expect(config.temporal.address).toBeNull();
    expect(config.http.port).toBe(3000);
  });

  test('real services are chosen by URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://market:pw@db:3306/market',
      REDIS_URL: 'redis://cache:6379',
      TEMPORAL_ADDRESS: 'temporal:7233',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.database).toMatchObject({ kind: 'mysql', url: 'mysql://market:pw@db:3306/market' });
    expect(config.redis).toEqual({ url: 'redis://cache:6379' });
    expect(config.temporal.address).toBe('temporal:7233');
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  test('TRUST_PROXY takes a hop count or proxy addresses', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  test('empty strings count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(3000);
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ TEMPORAL_ADDRESS: 'no-port' }, 'TEMPORAL_ADDRESS'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'DATABASE_URL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ GOOGLE_CLIENT_ID: 'only-the-id' }, 'GOOGLE_CLIENT_ID'],
  ])('%j is rejected, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: `));
  });

  // Everything production requires, with placeholders; each test below removes or changes one thing.
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://market:pw@db:3306/market',
    TEMPORAL_ADDRESS: 'temporal:7233',
    PUBLIC_URL: 'https://shop.example.com',
    JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
    S3_BUCKET: 'market',
    STRIPE_SECRET_KEY: 'sk_live_example',
    STRIPE_PUBLISHABLE_KEY: 'pk_live_example',
    STRIPE_WEBHOOK_SECRET: 'whsec_example',
    SMTP_URL: 'smtps://shop:pw@smtp.example.com:465',
  };

  test('a complete production environment is accepted and sends mail through SMTP', () => {
    const config = loadConfig(production);
    expect(config.env).toBe('production');
    expect(config.payments.provider).toBe('stripe');
    expect(config.mail).toEqual({
      kind: 'smtp',
      url: 'smtps://shop:pw@smtp.example.com:465',
      from: 'market <shop@market.local>',
    });
  });

  test('production without SMTP_URL is refused rather than writing customer emails to a local outbox', () => {
    const { SMTP_URL: _omitted, ...withoutSmtp } = production;
    expect(() => loadConfig(withoutSmtp)).toThrow(ConfigError);
    expect(() => loadConfig(withoutSmtp)).toThrow(/SMTP_URL: required in production/);
    expect(() => loadConfig({ ...production, SMTP_URL: '' })).toThrow(/SMTP_URL: required in production/);
    // Outside production the outbox stays the embedded default.
    expect(loadConfig({}).mail).toEqual({
      kind: 'outbox',
      dir: path.resolve('.data/outbox'),
      from: 'market <shop@market.local>',
    });
  });

  test('production with Stripe needs the publishable key the storefront collects cards with', () => {
    const { STRIPE_PUBLISHABLE_KEY: _omitted, ...withoutKey } = production;
    expect(() => loadConfig(withoutKey)).toThrow(
      /STRIPE_PUBLISHABLE_KEY: required in production with Stripe/,
    );
    expect(() => loadConfig({ ...production, STRIPE_PUBLISHABLE_KEY: 'sk_live_oops' })).toThrow(
      /STRIPE_PUBLISHABLE_KEY: must be a Stripe publishable key/,
    );
    const payments = loadConfig(production).payments;
    expect(payments.provider === 'stripe' && payments.publishableKey).toBe('pk_live_example');
  });

  test('mail, branding and fulfilment settings reach the config', () => {
    const config = loadConfig({
      ...production,
      MAIL_FROM: 'Acme <orders@acme.example>',
      SHOP_NAME: 'Acme',
      SHOP_BRAND_COLOR: '#1d4ed8',
      SHOP_LOGO_URL: 'https://cdn.acme.example/logo.png',
      SHOP_SUPPORT_EMAIL: 'help@acme.example',
      STOREFRONT_URL: 'https://acme.example',
      REFUND_WINDOW_DAYS: '14',
      CARRIER_WEBHOOK_SECRET: 'c'.repeat(32),
      ORDER_ANSWER_TIMEOUT_SECONDS: '10',
    });
    expect(config.mail.from).toBe('Acme <orders@acme.example>');
    expect(config.shop).toEqual({
      name: 'Acme',
      url: 'https://acme.example',
      brandColor: '#1d4ed8',
      logoUrl: 'https://cdn.acme.example/logo.png',
      supportEmail: 'help@acme.example',
    });
    expect(config.fulfilment).toEqual({ refundWindowDays: 14, carrierWebhookSecret: 'c'.repeat(32) });
    expect(config.checkout.answerTimeoutSeconds).toBe(10);
    // Defaults: a 30-day refund window, and no carrier webhook without its secret.
    expect(loadConfig(production).fulfilment).toEqual({ refundWindowDays: 30, carrierWebhookSecret: null });
  });

  test.each([
    [{ SMTP_URL: 'https://smtp.example.com' }, 'SMTP_URL'],
    [{ SHOP_BRAND_COLOR: 'teal' }, 'SHOP_BRAND_COLOR'],
    [{ SHOP_SUPPORT_EMAIL: 'nobody' }, 'SHOP_SUPPORT_EMAIL'],
    [{ CARRIER_WEBHOOK_SECRET: 'too-short' }, 'CARRIER_WEBHOOK_SECRET'],
    [{ REFUND_WINDOW_DAYS: '-1' }, 'REFUND_WINDOW_DAYS'],
    [{ ORDER_ANSWER_TIMEOUT_SECONDS: '0' }, 'ORDER_ANSWER_TIMEOUT_SECONDS'],
  ])('production with %j is rejected, naming %s', (change, name) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(new RegExp(`${name}: `));
  });

  test('the process exits with a readable message naming the variable', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', path.join(__dirname, 'main.ts'), 'web'],
      { env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT: ');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
