import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { type PlatformCheckResult, workflowTypes } from '@market/workflows/definitions';
import { freeListenPort } from '../api/testing/ports';
import { waitForOutbox } from './testing/outbox';
import { expectStatus, productInStock, Shopper } from './testing/shop';

// `npm start` end to end: the embedded default (SQLite, in-process cache, a Temporal dev server with its UI,
// the worker and the API) comes up from an empty data directory, answers, runs a workflow, takes an order, and
// stops cleanly.
const root = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, unset: string[] = []): Started {
  const clean = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'NODE_ENV', 'PORT', ...unset])
    delete clean[name];
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'api/start.ts'], {
    cwd: root,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, text: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The command lines of this machine's processes (Linux /proc), as argument lists. */
function commandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // gone meanwhile
    }
  }
  return lines;
}

async function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

/** An admin (or support) action on an order, as the dashboard sends it. */
async function act(api: string, token: string, orderId: number, verb: string, body: object = {}) {
  const res = await fetch(`${api}/api/admin/orders/${orderId}/${verb}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * The order flow on the embedded stack: a guest buys a seeded product with pm_card_visa; the admin ships and
 * delivers it through the API; the shopper's emails (confirmation, shipped, delivered) are in the outbox once each,
 * and the invoice downloads. A second order paid with a declined card answers 402, reads failed, and its
 * payment-failed email is in the outbox too.
 */
async function orderLife(api: string, adminToken: string, outbox: string): Promise<void> {
  const product = await productInStock(api);
  const shopper = new Shopper(api);
  expectStatus(await shopper.addToCart(product.id, 1), 200);
  expect(shopper.cartToken).toBeTruthy();
  const placed = await shopper.checkout();
  expectStatus(placed, 201);
  expect(placed.body.order.status).toBe('awaiting_payment');
  const orderId = placed.body.order.id;
  const workflowId = `order-${placed.body.order.number}`;
  const paid = await shopper.pay(orderId, 'pm_card_visa');
  expectStatus(paid, 200);
  expect(['paid', 'processing']).toContain(paid.body.order.status);
  const processing = await shopper.waitForOrder(orderId, 'processing');
  expect(processing).toMatchObject({ status: 'processing', payment: { status: 'captured' } });

  const shipped = await act(api, adminToken, orderId, 'ship', {
    carrier: 'DHL',
    trackingNumber: 'DHL-START-1',
    trackingUrl: 'https://dhl.example/track/DHL-START-1',
  });
  expect([shipped.status, shipped.body.status]).toEqual([200, 'shipped']);
  const delivered = await act(api, adminToken, orderId, 'deliver');
  expect([delivered.status, delivered.body.status]).toEqual([200, 'delivered']);
  const read = await shopper.order(orderId);
  expect(read.body).toMatchObject({
    status: 'delivered',
    shipment: { carrier: 'DHL', trackingNumber: 'DHL-START-1', status: 'delivered' },
  });

  const emails = await waitForOutbox(outbox, workflowId, [
    'order_confirmation',
    'order_shipped',
    'order_delivered',
  ]);
  for (const [template, messages] of Object.entries(emails)) {
    expect([template, messages.length]).toEqual([template, 1]);
    expect(messages[0]).toMatch(/^To: shopper@example\.com\r$/m);
  }
  expect(emails.order_shipped![0]).toContain('DHL-START-1');

  // The invoice is generated right after payment; the shopper downloads it with their Cart-Token.
  let invoice: Response | null = null;
  for (let i = 0; i < 50; i += 1) {
    invoice = await fetch(`${api}/api/orders/${orderId}/invoice`, {
      headers: { 'Cart-Token': shopper.cartToken! },
    });
    if (invoice.status !== 404) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(invoice!.status).toBe(200);
  expect(invoice!.headers.get('content-type')).toBe('application/pdf');
  expect(
    Buffer.from(await invoice!.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  expectStatus(await shopper.addToCart(product.id, 1), 200);
  const second = await shopper.checkout();
  expectStatus(second, 201);
  const declined = await shopper.pay(second.body.order.id, 'pm_card_chargeDeclined');
  expectStatus(declined, 402);
  expect(declined.body.code).toBe('payment_declined');
  const failed = await shopper.order(second.body.order.id);
  expect(failed.body).toMatchObject({ status: 'failed', failureReason: 'payment_declined' });
  const failedEmails = await waitForOutbox(outbox, `order-${second.body.order.number}`, ['payment_failed']);
  expect(failedEmails.payment_failed).toHaveLength(1);
}

jest.setTimeout(180_000);

describe('npm start (embedded default)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'market-start-'));
  let ports: { http: number; temporal: number; ui: number };
  let env: Record<string, string>;

  beforeAll(async () => {
    ports = { http: await freeListenPort(), temporal: await freeListenPort(), ui: await freeListenPort() };
    env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      PORT: String(ports.http),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_DEV_UI_PORT: String(ports.ui),
      SEED_PRODUCTS: '25',
    };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('comes up green, runs a workflow, sells to a guest, prints logins and stops on Ctrl-C', async () => {
    const started = start(env);
    try {
      await waitFor(started, 'Ctrl-C stops everything');
      const api = `http://127.0.0.1:${ports.http}`;

      const ready = await fetch(`${api}/api/health/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect(Object.keys(body.checks).sort()).toEqual(['cache', 'database', 'storage', 'temporal']);
      expect(Object.values(body.checks).every((c) => c.status === 'ok')).toBe(true);

      expect((await fetch(`http://127.0.0.1:${ports.ui}/`)).status).toBe(200);
      // The shop is served at / by the same process, server-rendered with the seeded catalog.
      const shop = await fetch(`${api}/`);
      expect(shop.status).toBe(200);
      expect(shop.headers.get('content-type')).toContain('text/html');
      expect(await shop.text()).toContain('Featured products');
      const openapi = await fetch(`${api}/api/openapi.json`);
      expect(openapi.status).toBe(200);
      expect(Object.keys(((await openapi.json()) as { paths: object }).paths).length).toBeGreaterThan(10);

      const out = started.output();
      expect(out).toContain(`Temporal Web  http://127.0.0.1:${ports.ui}`);
      expect(out).toContain(`Shop          http://localhost:${ports.http}/`);
      expect(out).toMatch(/admin\s+admin@market\.local \/ \S{12,}/);
      expect(out).toMatch(/support\s+support@market\.local \/ \S{12,}/);

      // The printed admin login works (SQLite, in-process cache and rate limits, generated JWT secret).
      const password = /admin@market\.local \/ (\S+)/.exec(out)?.[1];
      const login = await fetch(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@market.local', password }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const users = await fetch(`${api}/api/admin/users?range=[0,9]`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      expect(users.status).toBe(200);
      expect(users.headers.get('content-range')).toMatch(/^users 0-1\/2$/);
      expect(((await users.json()) as unknown[]).length).toBe(2);

      // The worker inside `npm start` executes workflows on the dev server.
      const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      try {
        const client = new Client({ connection });
        const result = await client.workflow.execute<() => Promise<PlatformCheckResult>>(
          workflowTypes.platformCheck,
          { taskQueue: 'market', workflowId: `start-e2e-${Date.now()}` },
        );
        expect(result.database).toBe('ok');
      } finally {
        await connection.close();
      }

      await orderLife(api, accessToken, path.join(dataDir, 'outbox'));
    } finally {
      started.child.kill('SIGINT');
    }
    expect({ code: await started.exited, output: started.output() }).toMatchObject({ code: 0 });
    expect(await refused(`http://127.0.0.1:${ports.http}/api/health/live`)).toBe(true);
    expect(await refused(`http://127.0.0.1:${ports.ui}/`)).toBe(true);
  });

  test('a second start reuses the data: same logins, no reseed', async () => {
    const first = start(env);
    await waitFor(first, 'Ctrl-C stops everything');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const firstLogin = first.output().match(/admin@market\.local \/ (\S+)/)?.[1];

    const second = start(env);
    try {
      await waitFor(second, 'Ctrl-C stops everything');
      expect(second.output().match(/admin@market\.local \/ (\S+)/)?.[1]).toBe(firstLogin);
      expect(second.output()).not.toContain('seeding catalog 0/');
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);
  });

  // A machine that cannot reach temporal.download (here: every HTTPS request goes to a proxy on a closed port, so
  // the SDK's download fails at once as it would on a DNS error), with no TEMPORAL_CLI_PATH and an empty home:
  // `npm start` installs the CLI with the service stack and runs the dev server from that binary. The stack's cache
  // (MARKET_CACHE_DIR) is the one the test stack already filled, so the install is a quick no-op.
  test('falls back to the service stack when the Temporal CLI cannot be downloaded', async () => {
    const stackCli =
      process.env.TEMPORAL_CLI_PATH ?? path.join(os.homedir(), '.cache', 'market', 'bin', 'temporal');
    const home = mkdtempSync(path.join(os.tmpdir(), 'market-start-home-'));
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'market-start-tmp-'));
    const proxy = `http://127.0.0.1:${await freeListenPort()}`;
    const started = start(
      {
        ...env,
        HOME: home,
        // The SDK keeps its downloads in the temporary directory: an empty one has none.
        TMPDIR: tmp,
        MARKET_CACHE_DIR: path.dirname(path.dirname(stackCli)),
        HTTPS_PROXY: proxy,
        https_proxy: proxy,
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost',
      },
      ['TEMPORAL_CLI_PATH', 'ALL_PROXY', 'all_proxy'],
    );
    try {
      await waitFor(started, 'Ctrl-C stops everything');
      const out = started.output();
      expect(out).toContain('[start] Temporal CLI: none installed, downloading it (Temporal SDK)…');
      expect(out).toMatch(
        /\[start\] cannot download the Temporal CLI \(.+\); installing it with the service stack/,
      );
      expect(out).toContain('[start]   bash scripts/stack.sh install temporal');
      expect(out).toContain(`[start]   [stack] temporal: temporal version`);
      expect(out).toContain(`[start] Temporal CLI: ${stackCli} (installed by the service stack)`);
      // The dev server on the test's port runs from that binary.
      const server = commandLines().find(
        (argv) => argv.includes('start-dev') && argv[argv.indexOf('--port') + 1] === String(ports.temporal),
      );
      expect(server?.[0]).toBe(stackCli);
      const ready = await fetch(`http://127.0.0.1:${ports.http}/api/health/ready`);
      expect(ready.status).toBe(200);
    } finally {
      started.child.kill('SIGINT');
    }
    expect({ code: await started.exited, output: started.output() }).toMatchObject({ code: 0 });
    rmSync(home, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });
});
