import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The one place that reads the environment. Everything else receives a Config.
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` },
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url(['http', 'https']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: url(['mysql', 'mariadb', 'sqlite']).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('market'),
  TEMPORAL_UI_URL: url(['http', 'https']).optional(),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  WORKFLOW_STACK_TRACES: z.enum(['true', 'false']).default('false'),
  TEMPORAL_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_DEV_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'must be a host name')
    .optional(),
  // The message never echoes the value: it is a credential.
  TEMPORAL_API_KEY: z
    .string()
    .regex(/^[\x21-\x7e]+$/, 'must be one line of printable characters, no spaces')
    .optional(),
  CORS_ORIGINS: list.default(['http://localhost:5173', 'http://localhost:5174']),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('100kb'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (v) => v !== 'true',
      'true would trust any X-Forwarded-For: give a hop count (1) or proxy subnets',
    )
    .transform((v) => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default('market'),
  JWT_AUDIENCE: z.string().min(1).default('market-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  STOREFRONT_URL: url(['http', 'https']).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CALLBACK_URL: url(['http', 'https']).optional(),
  GOOGLE_AUTHORIZATION_URL: url(['http', 'https']).default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: url(['http', 'https']).default('https://www.googleapis.com/oauth2/v4/token'),
  GOOGLE_USERINFO_URL: url(['http', 'https']).default('https://www.googleapis.com/oauth2/v3/userinfo'),
  SEARCH_ENGINE: z.enum(['elasticsearch', 'opensearch']).default('elasticsearch'),
  SEARCH_URL: url(['http', 'https']).optional(),
  SEARCH_USERNAME: z.string().min(1).optional(),
  SEARCH_PASSWORD: z.string().min(1).optional(),
  SEARCH_API_KEY: z.string().min(1).optional(),
  SEARCH_INDEX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,60}$/, 'must be a lower-case index name')
    .default('products'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
    .optional(),
  S3_ENDPOINT: url(['http', 'https']).optional(),
  S3_PUBLIC_ENDPOINT: url(['http', 'https']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  STORAGE_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PAYMENTS_PROVIDER: z.enum(['stripe', 'test']).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_API_URL: url(['http', 'https']).optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_…)')
    .optional(),
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 4217 code')
    .default('USD'),
  SHIPPING_FLAT_AMOUNT: z.coerce.number().int().min(0).max(1_000_000).default(499),
  SHIPPING_FREE_FROM_AMOUNT: z.coerce.number().int().min(0).max(100_000_000).default(5000),
  TAX_RATES: list
    .default([])
    .refine((entries) => entries.every((e) => /^[A-Z]{2}:\d{1,2}(\.\d{1,2})?$/.test(e)), {
      message: 'must look like DE:19,FR:20,US:7.25 (country:percent)',
    }),
  TAX_DEFAULT_RATE: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage such as 0 or 7.25')
    .default('0'),
  PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  GUEST_PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(10),
  GUEST_HOLD_MAX_PERCENT: z.coerce.number().int().min(1).max(100).default(100),
  // Bounded so that every cart total stays a safe integer (see MAX_PRICE_AMOUNT in services/cart.ts).
  CART_MAX_LINES: z.coerce.number().int().min(1).max(200).default(100),
  CART_MAX_QUANTITY: z.coerce.number().int().min(1).max(999).default(99),
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  PAYMENT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  ORDER_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(25),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).default('market <shop@market.local>'),
  EMAIL_UNPAID_ORDER_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(3),
  SHOP_NAME: z.string().min(1).max(100).default('market'),
  SHOP_BRAND_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0f766e')
    .default('#0f766e'),
  SHOP_LOGO_URL: url(['https', 'http']).optional(),
  SHOP_SUPPORT_EMAIL: z.email().optional(),
  CARRIER_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REFUND_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  STOREFRONT_BUILD_DIR: z.string().min(1).optional(),
  ADMIN_BUILD_DIR: z.string().min(1).optional(),
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(1_000_000).default(200),
  ADMIN_EMAIL: z.email().default('admin@market.local'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SUPPORT_EMAIL: z.email().default('support@market.local'),
  SUPPORT_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
});

export type Env = z.input<typeof schema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  http: {
    port: number;
    host: string;
    publicUrl: string;
    corsOrigins: string[];
    bodyLimit: string;
    trustProxy: false | number | string;
  };
  log: { level: string };
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  dataDir: string;
  /** `mysql://…` for MySQL/MariaDB, or a SQLite file (the embedded default). */
  database: { kind: 'mysql'; url: string; poolMax: number } | { kind: 'sqlite'; path: string };
  /** Absent: the in-process cache (embedded default). */
  redis: { url: string } | null;
  temporal: {
    /** Absent: `npm start` runs a Temporal dev server itself. */
    address: string | null;
    namespace: string;
    taskQueue: string;
    uiUrl: string;
    cliPath: string | null;
    /** A workflow bundle prebuilt by `npm run build:workflows` (production images); null: bundle at start. */
    workflowBundlePath: string | null;
    /** The worker collects workflow stack traces (Temporal Web's "Stack Trace" tab): CPU per order, off by default. */
    workflowStackTraces: boolean;
    /** Ports of the dev server that `npm start` runs when TEMPORAL_ADDRESS is unset. */
    devServer: { port: number; uiPort: number };
    /** TLS to the frontend (Temporal Cloud, a secured cluster), files read at boot; null: plaintext (the dev server). */
    tls: TemporalTls | null;
    /** Sent as `authorization: Bearer <key>` on every call (Temporal Cloud API keys). A secret: never log it. */
    apiKey: string | null;
  };
  auth: {
    /** HS256 signing secret. Null only outside production until `npm start` fills it from DATA_DIR/secrets.json. */
    jwtSecret: string | null;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** Failed logins, registrations and refreshes allowed per client per minute. */
    rateLimitPerMinute: number;
    /** Where Google sign-in sends the shopper back, with a one-time code. */
    storefrontUrl: string;
    google: {
      clientId: string;
      clientSecret: string;
      callbackUrl: string;
      authorizationUrl: string;
      tokenUrl: string;
      userInfoUrl: string;
    } | null;
  };
  /**
   * Elasticsearch/OpenSearch when SEARCH_URL is set; otherwise `memory`, the embedded default's in-process index
   * (api/services/embedded-search.ts). null only in hand-built configs: the catalog then searches SQL.
   */
  search:
    | {
        kind: 'elasticsearch' | 'opensearch';
        url: string;
        username?: string;
        password?: string;
        apiKey?: string;
        /** The alias the catalog reads and writes; a reindex swaps the index behind it. */
        index: string;
      }
    | { kind: 'memory'; index: string }
    | null;
  /** S3 when S3_BUCKET is set; otherwise files under DATA_DIR/storage served through signed API URLs. */
  storage:
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        /** Where browsers reach S3, when it differs from `endpoint`: presigned URLs are signed for this host. */
        publicEndpoint?: string;
        accessKeyId?: string;
        secretAccessKey?: string;
        forcePathStyle: boolean;
      }
    | {
        kind: 'local';
        dir: string;
        publicBaseUrl: string;
        /** Null only outside production until `npm start` fills it from DATA_DIR/secrets.json. */
        signingSecret: string | null;
      };
  /** Test payments (embedded default) or Stripe; production refuses the test provider. */
  payments:
    | { provider: 'test' }
    | {
        provider: 'stripe';
        secretKey: string;
        webhookSecret: string;
        /** Another Stripe API base URL (stripe-mock in tests); null for api.stripe.com. */
        apiUrl: string | null;
        /** For the storefront's Payment Element (Stripe.js); null: the shop cannot take cards. */
        publishableKey: string | null;
      };
  /** How much one cart may hold: lines (not counting saved items) and units per line. */
  cart: { maxLines: number; maxQuantity: number };
  checkout: {
    /** The shop's currency: carts and orders are in it, and only products priced in it can be sold. */
    currency: string;
    /** Flat shipping per order, free when the subtotal reaches freeFromAmount (null: never free). */
    shipping: { flatAmount: number; freeFromAmount: number | null };
    /** Tax in basis points (1900 = 19 %) by ISO country, on subtotal plus shipping, added on top. */
    tax: { defaultRateBps: number; ratesBps: Record<string, number> };
    /** How long an order holds its stock waiting for the shopper to pay; then it fails and the stock returns. */
    paymentTimeoutMinutes: number;
    /** The same for a guest's order: short, since anyone can place one without an account. */
    guestPaymentTimeoutMinutes: number;
    /**
     * The most of a product's stock on hand (percent, rounded up to whole units) unpaid guest orders may hold at
     * once. 100 (the default): no cap beyond the stock; e.g. 50 for a limited drop, so a flood of guest checkouts
     * cannot pin all of it while signed-in shoppers still can buy.
     */
    guestHoldMaxPercent: number;
    /**
     * Requests per minute: checkouts per client IP (and a quarter of it per cart), payment attempts (pay and
     * 3-D Secure) per client IP (and a quarter of it per order).
     */
    rateLimits: { checkoutPerMinute: number; paymentPerMinute: number };
    /**
     * How long checkout and pay wait for the order workflow before answering 503 "ask again with the same key"
     * (no worker running, or all busy). The order itself is safe either way.
     */
    answerTimeoutSeconds: number;
  };
  /**
   * SMTP (nodemailer) when SMTP_URL is set (always in production); otherwise .eml files in DATA_DIR/outbox (the
   * embedded default).
   */
  mail: { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; dir: string; from: string };
  /** Emails about unpaid orders (payment failed, cancelled) one address gets per hour at most. */
  emailLimits: { unpaidOrderPerHour: number };
  /** What emails and invoices show of the shop. */
  shop: {
    name: string;
    /** The storefront, for links in emails (order pages, tracking). */
    url: string;
    brandColor: string;
    logoUrl: string | null;
    supportEmail: string | null;
  };
  fulfilment: {
    /** After delivery the order still takes refunds for this long; then its workflow completes. */
    refundWindowDays: number;
    /** HMAC-SHA256 secret of POST /api/webhooks/shipping; unset: the carrier webhook answers 404. */
    carrierWebhookSecret: string | null;
  };
  /** The built shop (`npm run build -w storefront`): build/server/index.js and build/client/. */
  storefrontBuildDir: string;
  /** The built back office (`npm run build -w admin`): index.html and assets/, served at /admin. */
  adminBuildDir: string;
  seed: {
    products: number;
    admin: { email: string; password: string | null };
    support: { email: string; password: string | null };
  };
}

/** "7.25" → 725 basis points, exactly (no float arithmetic on the way). */
function percentToBps(percent: string): number {
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export interface TemporalTls {
  /** mTLS: the client certificate (chain) and its private key, PEM. Null: the server alone is authenticated. */
  clientCertPair: { crt: Buffer; key: Buffer } | null;
  /** The CA that signed the server's certificate, PEM. Null: the public roots bundled with Node.js (Temporal Cloud). */
  serverRootCACertificate: Buffer | null;
  /** The name checked against the server's certificate (and sent as SNI) instead of TEMPORAL_ADDRESS's host. */
  serverNameOverride: string | null;
}

type TemporalTlsEnv = Partial<
  Record<
    | 'TEMPORAL_ADDRESS'
    | 'TEMPORAL_TLS'
    | 'TEMPORAL_TLS_CERT_PATH'
    | 'TEMPORAL_TLS_KEY_PATH'
    | 'TEMPORAL_TLS_CA_PATH'
    | 'TEMPORAL_TLS_SERVER_NAME'
    | 'TEMPORAL_API_KEY',
    string
  >
>;

/**
 * Decides whether the Temporal connection uses TLS and reads its PEM files once, checking what the SDK would only
 * report as a handshake failure later: unreadable files, a key that is not the certificate's. Problems go to
 * `problems`; messages name files, never their contents.
 */
function temporalTls(e: TemporalTlsEnv, problems: string[]): TemporalTls | null {
  const cert = e.TEMPORAL_TLS_CERT_PATH;
  const key = e.TEMPORAL_TLS_KEY_PATH;
  const ca = e.TEMPORAL_TLS_CA_PATH;
  const tlsFiles = Object.entries({
    TEMPORAL_TLS_CERT_PATH: cert,
    TEMPORAL_TLS_KEY_PATH: key,
    TEMPORAL_TLS_CA_PATH: ca,
    TEMPORAL_TLS_SERVER_NAME: e.TEMPORAL_TLS_SERVER_NAME,
  }).filter(([, v]) => v);
  if (!cert !== !key) {
    problems.push(
      'TEMPORAL_TLS_CERT_PATH: set TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH together, or neither',
    );
  }
  const explicitlyOff = e.TEMPORAL_TLS === 'false';
  if (explicitlyOff) {
    for (const [name] of tlsFiles) problems.push(`${name}: a TLS setting, but TEMPORAL_TLS is false`);
  }
  // TLS files imply TLS; so does an API key (Temporal Cloud needs both) unless TEMPORAL_TLS=false says otherwise.
  const on = !explicitlyOff && (e.TEMPORAL_TLS === 'true' || tlsFiles.length > 0 || !!e.TEMPORAL_API_KEY);
  const given = [
    e.TEMPORAL_TLS === 'true' ? 'TEMPORAL_TLS' : null,
    ...tlsFiles.map(([name]) => name),
    e.TEMPORAL_API_KEY ? 'TEMPORAL_API_KEY' : null,
  ].filter((name) => name !== null);
  if (!e.TEMPORAL_ADDRESS && given.length > 0) {
    problems.push(
      `TEMPORAL_ADDRESS: required with ${given.join(', ')} (the dev server npm start runs takes neither TLS nor API keys)`,
    );
    return null;
  }
  if (!on) return null;
  const read = (name: string, file: string): Buffer | null => {
    try {
      return readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      problems.push(`${name}: cannot read ${file} (${code})`);
      return null;
    }
  };
  const certificate = (name: string, file: string, pem: Buffer | null): X509Certificate | null => {
    if (!pem) return null;
    try {
      return new X509Certificate(pem);
    } catch {
      problems.push(`${name}: ${file} is not a PEM certificate`);
      return null;
    }
  };
  let clientCertPair: TemporalTls['clientCertPair'] = null;
  if (cert && key) {
    const crt = read('TEMPORAL_TLS_CERT_PATH', cert);
    const keyPem = read('TEMPORAL_TLS_KEY_PATH', key);
    const x509 = certificate('TEMPORAL_TLS_CERT_PATH', cert, crt);
    let privateKey: ReturnType<typeof createPrivateKey> | null = null;
    if (keyPem) {
      try {
        privateKey = createPrivateKey({ key: keyPem, format: 'pem' });
      } catch {
        // crypto's message is dropped on purpose: nothing about the key's bytes goes into a boot error.
        problems.push(`TEMPORAL_TLS_KEY_PATH: ${key} is not an unencrypted PEM private key`);
      }
    }
    if (x509 && privateKey && !x509.checkPrivateKey(privateKey)) {
      problems.push(`TEMPORAL_TLS_KEY_PATH: ${key} is not the private key of the certificate in ${cert}`);
    }
    if (crt && keyPem) clientCertPair = { crt, key: keyPem };
  }
  let serverRootCACertificate: Buffer | null = null;
  if (ca) {
    serverRootCACertificate = read('TEMPORAL_TLS_CA_PATH', ca);
    certificate('TEMPORAL_TLS_CA_PATH', ca, serverRootCACertificate);
  }
  return {
    clientCertPair,
    serverRootCACertificate,
    serverNameOverride: e.TEMPORAL_TLS_SERVER_NAME ?? null,
  };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates an environment (process.env by default). Throws ConfigError naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const missing: string[] = [];
  if (production && !e.DATABASE_URL) missing.push('DATABASE_URL: required in production');
  if (production && !e.TEMPORAL_ADDRESS) missing.push('TEMPORAL_ADDRESS: required in production');
  const temporalTlsConfig = temporalTls(e, missing);
  if (production && !e.PUBLIC_URL) missing.push('PUBLIC_URL: required in production');
  if (production && !e.JWT_SECRET) missing.push('JWT_SECRET: required in production');
  if (production && !e.S3_BUCKET) missing.push('S3_BUCKET: required in production');
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    missing.push('S3_ACCESS_KEY_ID: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither');
  }
  if (!e.GOOGLE_CLIENT_ID !== !e.GOOGLE_CLIENT_SECRET) {
    missing.push('GOOGLE_CLIENT_ID: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET together, or neither');
  }
  if (production && !e.STRIPE_SECRET_KEY) missing.push('STRIPE_SECRET_KEY: required in production');
  if (production && e.STRIPE_SECRET_KEY && !e.STRIPE_PUBLISHABLE_KEY) {
    missing.push(
      'STRIPE_PUBLISHABLE_KEY: required in production with Stripe (the storefront collects cards with it)',
    );
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    missing.push('STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY (webhooks must be verified)');
  }
  const paymentsProvider = e.PAYMENTS_PROVIDER ?? (e.STRIPE_SECRET_KEY ? 'stripe' : 'test');
  if (paymentsProvider === 'stripe' && !e.STRIPE_SECRET_KEY) {
    missing.push('PAYMENTS_PROVIDER: stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  }
  if (production && paymentsProvider === 'test') {
    missing.push(
      'PAYMENTS_PROVIDER: the built-in test payments never take money, so production refuses them',
    );
  }
  // Without it emails go to DATA_DIR/outbox: on a server, customers would silently never get them.
  if (production && !e.SMTP_URL) missing.push('SMTP_URL: required in production');
  if (missing.length) throw new ConfigError(missing);

  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const sqliteFromUrl = e.DATABASE_URL?.startsWith('sqlite:') ? new URL(e.DATABASE_URL).pathname : null;
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl,
      corsOrigins: e.CORS_ORIGINS,
      bodyLimit: e.BODY_LIMIT,
      trustProxy: e.TRUST_PROXY,
    },
    log: { level: e.LOG_LEVEL },
    metricsToken: e.METRICS_TOKEN ?? null,
    dataDir,
    database:
      e.DATABASE_URL && !sqliteFromUrl
        ? { kind: 'mysql', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
        : { kind: 'sqlite', path: sqliteFromUrl ?? path.join(dataDir, 'market.sqlite') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : null,
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? null,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL ?? 'http://localhost:8233',
      cliPath: e.TEMPORAL_CLI_PATH ?? null,
      workflowBundlePath: e.WORKFLOW_BUNDLE_PATH ? path.resolve(e.WORKFLOW_BUNDLE_PATH) : null,
      workflowStackTraces: e.WORKFLOW_STACK_TRACES === 'true',
      devServer: { port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_DEV_UI_PORT },
      tls: temporalTlsConfig,
      apiKey: e.TEMPORAL_API_KEY ?? null,
    },
    auth: {
      jwtSecret: e.JWT_SECRET ?? null,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      rateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      storefrontUrl: e.STOREFRONT_URL ?? publicUrl,
      google:
        e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
          ? {
              clientId: e.GOOGLE_CLIENT_ID,
              clientSecret: e.GOOGLE_CLIENT_SECRET,
              callbackUrl: e.GOOGLE_CALLBACK_URL ?? `${publicUrl}/api/auth/google/callback`,
              authorizationUrl: e.GOOGLE_AUTHORIZATION_URL,
              tokenUrl: e.GOOGLE_TOKEN_URL,
              userInfoUrl: e.GOOGLE_USERINFO_URL,
            }
          : null,
    },
    search: e.SEARCH_URL
      ? {
          kind: e.SEARCH_ENGINE,
          url: e.SEARCH_URL,
          ...(e.SEARCH_USERNAME ? { username: e.SEARCH_USERNAME } : {}),
          ...(e.SEARCH_PASSWORD ? { password: e.SEARCH_PASSWORD } : {}),
          ...(e.SEARCH_API_KEY ? { apiKey: e.SEARCH_API_KEY } : {}),
          index: e.SEARCH_INDEX,
        }
      : { kind: 'memory', index: e.SEARCH_INDEX },
    storage: e.S3_BUCKET
      ? {
          kind: 's3',
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
          ...(e.S3_PUBLIC_ENDPOINT ? { publicEndpoint: e.S3_PUBLIC_ENDPOINT } : {}),
          ...(e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID } : {}),
          ...(e.S3_SECRET_ACCESS_KEY ? { secretAccessKey: e.S3_SECRET_ACCESS_KEY } : {}),
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : {
          kind: 'local',
          dir: path.join(dataDir, 'storage'),
          publicBaseUrl: `${publicUrl}/api/storage`,
          signingSecret: e.STORAGE_SIGNING_SECRET ?? null,
        },
    payments:
      paymentsProvider === 'stripe'
        ? {
            provider: 'stripe',
            secretKey: e.STRIPE_SECRET_KEY!,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET!,
            apiUrl: e.STRIPE_API_URL ?? null,
            publishableKey: e.STRIPE_PUBLISHABLE_KEY ?? null,
          }
        : { provider: 'test' },
    cart: { maxLines: e.CART_MAX_LINES, maxQuantity: e.CART_MAX_QUANTITY },
    checkout: {
      currency: e.SHOP_CURRENCY,
      shipping: {
        flatAmount: e.SHIPPING_FLAT_AMOUNT,
        freeFromAmount: e.SHIPPING_FREE_FROM_AMOUNT === 0 ? null : e.SHIPPING_FREE_FROM_AMOUNT,
      },
      tax: {
        defaultRateBps: percentToBps(e.TAX_DEFAULT_RATE),
        ratesBps: Object.fromEntries(
          e.TAX_RATES.map((entry) => {
            const [country, rate] = entry.split(':');
            return [country!, percentToBps(rate!)];
          }),
        ),
      },
      paymentTimeoutMinutes: e.PAYMENT_TIMEOUT_MINUTES,
      guestPaymentTimeoutMinutes: e.GUEST_PAYMENT_TIMEOUT_MINUTES,
      guestHoldMaxPercent: e.GUEST_HOLD_MAX_PERCENT,
      rateLimits: {
        checkoutPerMinute: e.CHECKOUT_RATE_LIMIT_PER_MINUTE,
        paymentPerMinute: e.PAYMENT_RATE_LIMIT_PER_MINUTE,
      },
      answerTimeoutSeconds: e.ORDER_ANSWER_TIMEOUT_SECONDS,
    },
    mail: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM }
      : { kind: 'outbox', dir: path.join(dataDir, 'outbox'), from: e.MAIL_FROM },
    emailLimits: { unpaidOrderPerHour: e.EMAIL_UNPAID_ORDER_LIMIT_PER_HOUR },
    shop: {
      name: e.SHOP_NAME,
      url: e.STOREFRONT_URL ?? publicUrl,
      brandColor: e.SHOP_BRAND_COLOR,
      logoUrl: e.SHOP_LOGO_URL ?? null,
      supportEmail: e.SHOP_SUPPORT_EMAIL ?? null,
    },
    fulfilment: {
      refundWindowDays: e.REFUND_WINDOW_DAYS,
      carrierWebhookSecret: e.CARRIER_WEBHOOK_SECRET ?? null,
    },
    storefrontBuildDir: e.STOREFRONT_BUILD_DIR
      ? path.resolve(e.STOREFRONT_BUILD_DIR)
      : path.join(path.dirname(require.resolve('@market/storefront/package.json')), 'build'),
    adminBuildDir: e.ADMIN_BUILD_DIR
      ? path.resolve(e.ADMIN_BUILD_DIR)
      : path.join(path.dirname(require.resolve('@market/admin/package.json')), 'dist'),
    seed: {
      products: e.SEED_PRODUCTS,
      admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD ?? null },
      support: { email: e.SUPPORT_EMAIL, password: e.SUPPORT_PASSWORD ?? null },
    },
  };
}
