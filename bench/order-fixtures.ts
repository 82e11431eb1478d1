import type { Database, Order, OrderStatus, PaymentStatus, User } from '@market/db';

/**
 * Bulk data for the admin orders benchmark: customers, and orders with their lines and payments, written with
 * multi-row INSERTs (ROWS_PER_INSERT rows a statement) rather than one model at a time, so 100,000 orders take
 * seconds, not minutes. Deterministic (a seeded generator): two runs write the same rows, so their figures compare.
 */

const ROWS_PER_INSERT = 2_000;
const DAY_MS = 86_400_000;
/** Orders are placed over the last two years, more of them lately (the shop grows). */
const SPAN_MS = 730 * DAY_MS;
const GUEST_SHARE = 0.25;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32, as order numbers read aloud

const FIRST = [
  'anna',
  'ben',
  'clara',
  'david',
  'emma',
  'felix',
  'greta',
  'hugo',
  'ida',
  'jonas',
  'karla',
  'leon',
].concat(['mia', 'noah', 'olga', 'paul', 'rosa', 'samuel', 'tara', 'umut', 'vera', 'wim', 'yara', 'zoe']);
const LAST = [
  'schmidt',
  'meyer',
  'weber',
  'fischer',
  'wagner',
  'becker',
  'hoffmann',
  'koch',
  'richter',
  'klein',
].concat(['wolf', 'neumann', 'braun', 'kaya', 'nowak', 'rossi', 'dubois', 'jansen', 'silva', 'novak']);
const DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example'];
const CITIES: [string, string][] = [
  ['Berlin', '10115'],
  ['Hamburg', '20095'],
  ['München', '80331'],
  ['Köln', '50667'],
  ['Leipzig', '04109'],
  ['Wien', '1010'],
];

export interface SeedOrdersOptions {
  orders: number;
  customers: number;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface SeededOrders {
  customers: { id: number; email: string }[];
  /** A few order numbers and guest emails, for the filters of the benchmark. */
  numbers: string[];
  guestEmails: string[];
  /** Placed between these instants. */
  first: Date;
  last: Date;
}

/** mulberry32: small, fast, good enough for test data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}

/** The status an order of this age most likely has now: recent ones are still moving, old ones have settled. */
function statusFor(ageMs: number, r: number): OrderStatus {
  const table: [OrderStatus, number][] =
    ageMs < 2 * DAY_MS
      ? [
          ['pending', 0.03],
          ['awaiting_payment', 0.07],
          ['paid', 0.25],
          ['processing', 0.3],
          ['shipped', 0.25],
        ]
      : ageMs < 14 * DAY_MS
        ? [
            ['processing', 0.05],
            ['shipped', 0.3],
            ['delivered', 0.5],
            ['refunded', 0.03],
          ]
        : [
            ['delivered', 0.82],
            ['refunded', 0.04],
          ];
  let acc = 0;
  for (const [status, share] of table) {
    acc += share;
    if (r < acc) return status;
  }
  // The rest: failed (declined, out of stock) and cancelled, in every age.
  return r < acc + (1 - acc) / 2 ? 'failed' : 'cancelled';
}

const PAYMENT_OF: Record<OrderStatus, PaymentStatus | null> = {
  pending: null,
  awaiting_payment: 'requires_action',
  paid: 'captured',
  processing: 'captured',
  shipped: 'captured',
  delivered: 'captured',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
};

/** `2025-01-14 09:30:00.123`: what DATETIME(3) takes, in UTC like the app's connection. */
function sqlDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** "M-20250114-7K3Q9": the day it was placed and five characters that are unique per id (an odd multiplier). */
function orderNumber(id: number, placed: Date): string {
  let n = Math.imul(id, 0x5bd1e995) & 0x1ffffff; // a bijection on 25 bits: unique for ids below 2^25
  let code = '';
  for (let i = 0; i < 5; i++, n >>>= 5) code += ALPHABET[n & 31];
  return `M-${placed.toISOString().slice(0, 10).replaceAll('-', '')}-${code}`;
}

class BulkInserter {
  private rows: string[] = [];
  written = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: string[],
    /** Off for rows that reference another batch's rows: the caller flushes them after their parents. */
    private readonly autoFlush = true,
  ) {}

  async add(values: unknown[]): Promise<void> {
    this.rows.push(`(${values.map((v) => this.db.sequelize.escape(v as string)).join(',')})`);
    if (this.autoFlush && this.rows.length >= ROWS_PER_INSERT) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const sql = `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${this.rows.join(',')}`;
    this.written += this.rows.length;
    this.rows = [];
    await this.db.sequelize.query(sql);
  }
}

/** Writes `customers` customer accounts and `orders` orders (lines, payments) into an empty, migrated database. */
export async function seedOrders(db: Database, options: SeedOrdersOptions): Promise<SeededOrders> {
  const random = createRandom(20_260_101);
  const now = Date.now();
  const start = now - SPAN_MS;
  const products = await db.models.Product.findAll({ attributes: ['id', 'title', 'priceAmount'], raw: true });
  if (products.length < 4) throw new Error('seedOrders needs a catalog of at least 4 products');

  // --- customers ---------------------------------------------------------------------------------------------------
  const users = new BulkInserter(db, 'users', [
    'email',
    'name',
    'role',
    'disabled',
    'created_at',
    'updated_at',
  ]);
  const firstUserId = ((await db.models.User.max<number | null, User>('id')) ?? 0) + 1;
  const customers: { id: number; email: string }[] = [];
  for (let i = 0; i < options.customers; i++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const email = `${first}.${last}${i}@${random.pick(DOMAINS)}`;
    const created = sqlDate(new Date(start + random.next() * SPAN_MS));
    await users.add([email, `${first} ${last}`, 'customer', 0, created, created]);
    customers.push({ id: firstUserId + i, email });
  }
  await users.flush();
  options.onProgress?.('customers', options.customers, options.customers);

  // --- orders, lines, payments -------------------------------------------------------------------------------------
  const orders = new BulkInserter(db, 'orders', [
    'id', 'number', 'user_id', 'email', 'status', 'subtotal_amount', 'shipping_amount', 'tax_amount',
    'total_amount', 'currency', 'shipping_address', 'workflow_id', 'failure_reason', 'cancel_reason',
    'created_at', 'updated_at',
  ]); // prettier-ignore
  const items = new BulkInserter(db, 'order_items', [
    'order_id', 'product_id', 'title', 'unit_price_amount', 'quantity', 'line_total_amount', 'created_at',
    'updated_at',
  ], false); // prettier-ignore
  const payments = new BulkInserter(db, 'payments', [
    'order_id', 'provider', 'provider_payment_id', 'amount', 'currency', 'status', 'idempotency_key',
    'refunded_amount', 'created_at', 'updated_at',
  ], false); // prettier-ignore
  const numbers: string[] = [];
  const guestEmails: string[] = [];
  const firstOrderId = ((await db.models.Order.max<number | null, Order>('id')) ?? 0) + 1;
  let first = new Date(now);
  let last = new Date(start);

  for (let i = 0; i < options.orders; i++) {
    const id = firstOrderId + i;
    // Ids grow with time, as they do in production; sqrt makes the rate grow over the two years.
    const u = (i + random.next()) / options.orders;
    const placed = new Date(start + SPAN_MS * (0.4 * u + 0.6 * Math.sqrt(u)));
    if (placed < first) first = placed;
    if (placed > last) last = placed;
    const status = statusFor(now - placed.getTime(), random.next());
    const guest = random.next() < GUEST_SHARE;
    const customer = guest ? null : random.pick(customers);
    const email = customer?.email ?? `guest.${random.pick(LAST)}${i}@${random.pick(DOMAINS)}`;
    if (guest && guestEmails.length < 1_000) guestEmails.push(email);
    const number = orderNumber(id, placed);
    if (i % 97 === 0) numbers.push(number);

    // 1–4 lines of distinct products (one line per product and order, a unique index).
    const lineCount = random.int(1, 4);
    const offset = random.int(0, products.length - 1);
    let subtotal = 0;
    const created = sqlDate(placed);
    for (let line = 0; line < lineCount; line++) {
      const product = products[(offset + line * 7) % products.length]!;
      const quantity = random.next() < 0.8 ? 1 : random.int(2, 3);
      const lineTotal = Number(product.priceAmount) * quantity;
      subtotal += lineTotal;
      await items.add([
        id,
        product.id,
        product.title,
        product.priceAmount,
        quantity,
        lineTotal,
        created,
        created,
      ]);
    }
    const shipping = subtotal >= 5_000 ? 0 : 495;
    const tax = Math.round((subtotal * 19) / 119); // included in the prices (VAT)
    const total = subtotal + shipping;
    const updated = sqlDate(new Date(Math.min(now, placed.getTime() + random.int(0, 5) * DAY_MS)));
    const [city, postalCode] = random.pick(CITIES);
    const address = JSON.stringify({
      name: customer ? email.split('@')[0]!.replace('.', ' ') : 'Guest Buyer',
      line1: `${random.int(1, 200)} Hauptstraße`,
      city,
      postalCode,
      country: 'DE',
    });
    const workflowId = `order-${number}`;
    await orders.add([
      id, number, customer?.id ?? null, email, status, subtotal, shipping, tax, total, 'EUR', address, workflowId,
      status === 'failed' ? random.pick(['payment_declined', 'out_of_stock', 'payment_timeout']) : null,
      status === 'cancelled' ? random.pick(['customer: changed my mind', 'support: duplicate order']) : null,
      created, updated,
    ]); // prettier-ignore

    const payment = PAYMENT_OF[status];
    if (payment) {
      await payments.add([
        id, 'test', `tp_bench_${id}`, total, 'EUR', payment, `${workflowId}:authorize`,
        payment === 'refunded' ? total : 0, created, updated,
      ]); // prettier-ignore
    }
    // Orders first: a line or payment may only be written once its order is.
    if ((i + 1) % ROWS_PER_INSERT === 0 || i === options.orders - 1) {
      await orders.flush();
      await items.flush();
      await payments.flush();
      options.onProgress?.('orders', i + 1, options.orders);
    }
  }
  return { customers, numbers, guestEmails, first, last };
}
