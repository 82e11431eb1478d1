import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { type Pem, TestPki } from './testing/temporal-tls';

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

describe('loadConfig: TLS and API key for Temporal', () => {
  // Real PEM files, made with the openssl CLI: the config reads them at boot and checks that key and certificate match.
  let pki: TestPki;
  let ca: Pem;
  let client: Pem;
  let other: Pem;
  beforeAll(() => {
    pki = new TestPki();
    ca = pki.ca('config-test-ca');
    client = pki.issue(ca, 'config-test-client', 'client');
    other = pki.issue(ca, 'config-test-other', 'client');
  });
  afterAll(() => pki.remove());

  const address = { TEMPORAL_ADDRESS: 'temporal.example.com:7233' };
  const mtls = () => ({
    ...address,
    TEMPORAL_TLS_CERT_PATH: client.certPath,
    TEMPORAL_TLS_KEY_PATH: client.keyPath,
  });

  test('plaintext by default, as the dev server and an in-cluster frontend speak', () => {
    expect(loadConfig({}).temporal).toMatchObject({ tls: null, apiKey: null });
    expect(loadConfig(address).temporal).toMatchObject({ tls: null, apiKey: null });
    expect(loadConfig({ ...address, TEMPORAL_TLS: 'false' }).temporal.tls).toBeNull();
  });

  test('mTLS: the files are read once, at boot, with the CA and the server name', () => {
    const config = loadConfig({
      ...mtls(),
      TEMPORAL_TLS_CA_PATH: ca.certPath,
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    });
    expect(config.temporal.tls).toEqual({
      clientCertPair: { crt: client.cert, key: client.key },
      serverRootCACertificate: ca.cert,
      serverNameOverride: 'frontend.temporal.internal',
    });
    expect(config.temporal.apiKey).toBeNull();
  });

  test('a client certificate implies TLS; TEMPORAL_TLS=true alone is TLS with the system roots', () => {
    expect(loadConfig(mtls()).temporal.tls).toMatchObject({ serverRootCACertificate: null });
    expect(loadConfig({ ...address, TEMPORAL_TLS: 'true' }).temporal.tls).toEqual({
      clientCertPair: null,
      serverRootCACertificate: null,
      serverNameOverride: null,
    });
  });

  test('an API key implies server-authenticated TLS (Temporal Cloud) unless TEMPORAL_TLS=false', () => {
    const cloud = loadConfig({ ...address, TEMPORAL_API_KEY: 'cloud-api-key.abc_123' });
    expect(cloud.temporal.apiKey).toBe('cloud-api-key.abc_123');
    expect(cloud.temporal.tls).toEqual({
      clientCertPair: null,
      serverRootCACertificate: null,
      serverNameOverride: null,
    });
    const plain = loadConfig({ ...address, TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' });
    expect(plain.temporal).toMatchObject({ tls: null, apiKey: 'k' });
  });

  test.each<
    [string, (files: { client: Pem; other: Pem; ca: Pem; junk: string }) => Record<string, string>, RegExp]
  >([
    [
      'a certificate without its key',
      ({ client }) => ({ ...address, TEMPORAL_TLS_CERT_PATH: client.certPath }),
      /TEMPORAL_TLS_CERT_PATH: set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH together/,
    ],
    [
      'a key without its certificate',
      ({ client }) => ({ ...address, TEMPORAL_TLS_KEY_PATH: client.keyPath }),
      /TEMPORAL_TLS_CERT_PATH: set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH together/,
    ],
    [
      'a certificate file that does not exist',
      ({ client }) => ({
        ...address,
        TEMPORAL_TLS_CERT_PATH: '/nonexistent/client.crt',
        TEMPORAL_TLS_KEY_PATH: client.keyPath,
      }),
      /TEMPORAL_TLS_CERT_PATH: cannot read \/nonexistent\/client\.crt \(ENOENT\)/,
    ],
    [
      'a CA file that does not exist',
      () => ({ ...address, TEMPORAL_TLS_CA_PATH: '/nonexistent/ca.pem' }),
      /TEMPORAL_TLS_CA_PATH: cannot read \/nonexistent\/ca\.pem \(ENOENT\)/,
    ],
    [
      'a certificate file that is not a certificate',
      ({ client, junk }) => ({
        ...address,
        TEMPORAL_TLS_CERT_PATH: junk,
        TEMPORAL_TLS_KEY_PATH: client.keyPath,
      }),
      /TEMPORAL_TLS_CERT_PATH: .*junk\.txt is not a PEM certificate/,
    ],
    [
      'a key file that is not a key',
      ({ client }) => ({
        ...address,
        TEMPORAL_TLS_CERT_PATH: client.certPath,
        TEMPORAL_TLS_KEY_PATH: client.certPath,
      }),
      /TEMPORAL_TLS_KEY_PATH: .* is not an unencrypted PEM private key/,
    ],
    [
      'a key that belongs to another certificate',
      ({ client, other }) => ({
        ...address,
        TEMPORAL_TLS_CERT_PATH: client.certPath,
        TEMPORAL_TLS_KEY_PATH: other.keyPath,
      }),
      /TEMPORAL_TLS_KEY_PATH: .*config-test-other\.key is not the private key of the certificate in .*config-test-client\.crt/,
    ],
    [
      'a CA file that is not a certificate',
      ({ junk }) => ({ ...address, TEMPORAL_TLS_CA_PATH: junk }),
      /TEMPORAL_TLS_CA_PATH: .* is not a PEM certificate/,
    ],
    [
      'TLS settings without TEMPORAL_ADDRESS (the dev server is plaintext)',
      ({ client }) => ({ TEMPORAL_TLS_CERT_PATH: client.certPath, TEMPORAL_TLS_KEY_PATH: client.keyPath }),
      /TEMPORAL_ADDRESS: required with TEMPORAL_TLS_CERT_PATH, TEMPORAL_TLS_KEY_PATH/,
    ],
    [
      'TEMPORAL_TLS=true without TEMPORAL_ADDRESS',
      () => ({ TEMPORAL_TLS: 'true' }),
      /TEMPORAL_ADDRESS: required with TEMPORAL_TLS/,
    ],
    [
      'an API key without TEMPORAL_ADDRESS',
      () => ({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' }),
      /TEMPORAL_ADDRESS: required with TEMPORAL_API_KEY/,
    ],
    [
      'TEMPORAL_TLS=false with a client certificate',
      ({ client }) => ({ ...mtls(), TEMPORAL_TLS_CERT_PATH: client.certPath, TEMPORAL_TLS: 'false' }),
      /TEMPORAL_TLS_CERT_PATH: a TLS setting, but TEMPORAL_TLS is false/,
    ],
    ['TEMPORAL_TLS other than true or false', () => ({ ...address, TEMPORAL_TLS: 'yes' }), /TEMPORAL_TLS: /],
    [
      'a server name that is not a host name',
      () => ({ ...address, TEMPORAL_TLS_SERVER_NAME: 'https://frontend' }),
      /TEMPORAL_TLS_SERVER_NAME: must be a host name/,
    ],
  ])('%s is a readable boot error', (_case, env, message) => {
    const junk = pki.file('junk.txt', 'not a certificate\n');
    const run = () => loadConfig(env({ client, other, ca, junk }));
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  test('boot errors never show the API key or the private key', () => {
    const secret = 'tmprl-secret key'; // a space: rejected
    const errors = [
      () => loadConfig({ ...address, TEMPORAL_API_KEY: secret }),
      () => loadConfig({ ...address, TEMPORAL_API_KEY: `${secret}\n` }),
      () => loadConfig({ ...mtls(), TEMPORAL_TLS_KEY_PATH: other.keyPath, TEMPORAL_API_KEY: 'tmprl-secret' }),
      () => loadConfig({ ...mtls(), TEMPORAL_TLS_CERT_PATH: client.keyPath }),
    ].map((run) => {
      try {
        run();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    });
    expect(errors[0]).toMatch(/TEMPORAL_API_KEY: must be one line of printable characters/);
    for (const message of errors) {
      expect(message).not.toContain('tmprl-secret');
      expect(message).not.toContain('PRIVATE KEY');
      expect(message).not.toContain(other.key.toString('utf8').split('\n')[1]);
      expect(message).not.toContain(client.key.toString('utf8').split('\n')[1]);
    }
  });
});
