/**
 * The last-units race (not a test): B guest buyers, each with the product in a cart, all press "Place order" at
 * the same instant for S units, and each buyer whose checkout holds stock pays at once. Measures how long until
 * every buyer has a final answer (paid, or a clear refusal), and checks there are exactly S paid orders, B - S
 * refusals and no stock left held. Real stack from `scripts/stack.sh`, one process as in bench/checkout.ts.
 *
 *   bash scripts/stack.sh up && eval "$(bash scripts/stack.sh env)"
 *   npx tsx --conditions=source bench/race.ts [--buyers 1000] [--stock 10]
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ms, progress as log, runPool, summarize } from './checkout-load';
import { startCheckoutStack } from './checkout-stack';
import { cleanupsOnExit, runMain } from './support';

const { values: args } = parseArgs({
  options: {
    buyers: { type: 'string', default: '1000' },
    stock: { type: 'string', default: '10' },
    'redis-db': { type: 'string', default: '9' },
  },
});
const BUYERS = Number(args.buyers);
const STOCK = Number(args.stock);
if (!Number.isInteger(BUYERS) || !Number.isInteger(STOCK) || STOCK < 1 || BUYERS <= STOCK) {
  throw new Error('--buyers and --stock must be positive integers, more buyers than units');
}

const address = {
  name: 'Race Buyer',
  line1: '1 Market Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

async function post(url: string, headers: Record<string, string>, body: object) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

type Outcome = { kind: 'paid' | 'refused' | 'other'; detail: string; answeredMs: number; settledMs: number };

/** Checkout (asked again with the same key on a 503, as a client should), then pay when it held stock. */
async function buy(base: string, token: string, t0: number): Promise<Outcome> {
  const guest = { 'Cart-Token': token };
  const key = randomUUID();
  let placed = await post(
    `${base}/api/checkout`,
    { ...guest, 'Idempotency-Key': key },
    { shippingAddress: address, email: 'race@example.com' },
  );
  while (placed.status === 503) {
    placed = await post(
      `${base}/api/checkout`,
      { ...guest, 'Idempotency-Key': key },
      { shippingAddress: address, email: 'race@example.com' },
    );
  }
  const answeredMs = performance.now() - t0;
  if (placed.status === 409 && placed.json.code === 'out_of_stock') {
    return { kind: 'refused', detail: 'out_of_stock', answeredMs, settledMs: answeredMs };
  }
  if (placed.status !== 201)
    return {
      kind: 'other',
      detail: `checkout ${placed.status} ${String(placed.json.code)}`,
      answeredMs,
      settledMs: answeredMs,
    };
  const orderId = (placed.json.order as { id: number }).id;
  let paid = await post(
    `${base}/api/orders/${orderId}/pay`,
    { ...guest, 'Idempotency-Key': `pay-${key}` },
    { paymentMethodId: 'pm_card_visa' },
  );
  while (paid.status === 503) {
    paid = await post(
      `${base}/api/orders/${orderId}/pay`,
      { ...guest, 'Idempotency-Key': `pay-${key}` },
      { paymentMethodId: 'pm_card_visa' },
    );
  }
  let status = (paid.json.order as { status?: string } | undefined)?.status ?? '';
  // A pay answer may come before the capture ends: read the order until it is paid (or failed).
  for (
    let i = 0;
    paid.status === 200 && ['capturing', 'awaiting_payment'].includes(status) && i < 1_500;
    i += 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = await fetch(`${base}/api/orders/${orderId}`, { headers: guest });
    status = ((await read.json()) as { status?: string }).status ?? '';
  }
  const kind = paid.status === 200 && ['paid', 'processing'].includes(status) ? 'paid' : 'other';
  return { kind, detail: `pay ${paid.status} ${status}`, answeredMs, settledMs: performance.now() - t0 };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const cleanups = cleanupsOnExit(log);
  try {
    const stack = await startCheckoutStack(cleanups, {
      products: 1,
      stock: STOCK,
      redisDb: args['redis-db']!,
    });
    const productId = stack.productIds[0]!;

    // Untimed: every buyer's cart.
    const carts = await runPool('carts', BUYERS, 50, async () => {
      const res = await fetch(`${stack.base}/api/cart/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ productId, quantity: 1 }),
      });
      const token = res.headers.get('cart-token');
      if (res.status !== 200 || !token) throw new Error(`POST /api/cart/items answered ${res.status}`);
      return token;
    });
    if (carts.failed) throw new Error(`${carts.failed} carts failed: ${carts.errors.join('; ')}`);

    log(`${BUYERS} buyers press "Place order" at once for ${STOCK} units`);
    const t0 = performance.now();
    const outcomes = await Promise.all(carts.results.map((token) => buy(stack.base, token, t0)));
    const settledS = (performance.now() - t0) / 1000;

    // Let paid orders finish capturing, then read what the database says.
    const { Order, Inventory } = stack.appDb.models;
    for (let i = 0; i < 100; i += 1) {
      if ((await Order.count({ where: { status: ['awaiting_payment', 'capturing'] } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const byStatus = await Order.count({ group: ['status'] });
    const stock = await Inventory.findByPk(productId);
    const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
    const answered = summarize(outcomes.map((o) => o.answeredMs));
    const settled = summarize(outcomes.map((o) => o.settledMs));
    const others = [...new Set(outcomes.filter((o) => o.kind === 'other').map((o) => o.detail))];
    process.stdout.write(
      [
        `buyers=${BUYERS} stock=${STOCK} app+worker pools=${stack.poolMax}+${stack.poolMax}`,
        '',
        '| Settled (s) | paid | refused (out_of_stock) | other | checkout answer p50 / p99 ms | final answer p50 / p99 ms |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${settledS.toFixed(2)} | ${count('paid')} | ${count('refused')} | ${count('other')} | ` +
          `${ms(answered.p50)} / ${ms(answered.p99)} | ${ms(settled.p50)} / ${ms(settled.p99)} |`,
        '',
        `orders by status: ${JSON.stringify(byStatus.map((r) => [r.status, r.count]))}`,
        `stock after: on_hand ${stock?.onHand}, reserved ${stock?.reserved}`,
        ...others.map((o) => `other answer: ${o}`),
        '',
        `load average (1/5/15 min) at start ${loadBefore}, at end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
        `total wall time ${Math.round((Date.now() - started) / 1000)} s`,
        '',
      ].join('\n'),
    );
  } finally {
    await cleanups.run();
  }
}

runMain(main, log);
