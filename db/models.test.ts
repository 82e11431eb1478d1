import { randomUUID } from 'node:crypto';
import type { Database } from './database';
import { createSqliteTestDatabase, createTestDatabase } from './testing';

const cases: [string, () => Promise<Database>][] = [
  ['MariaDB', createTestDatabase],
  ['SQLite', () => createSqliteTestDatabase()],
];

/** The same values come back with the same JS types on both dialects. */
describe.each(cases)('models on %s', (_dialect, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('round-trip JSON, money, booleans and millisecond timestamps', async () => {
    const { User, Order, OrderEvent } = db.models;
    const user = await User.create({ email: `${randomUUID()}@example.com`, name: 'Buyer' });
    const address = { name: 'Ada', line1: '1 Main St', city: 'Paris', postalCode: '75001', country: 'FR' };
    const order = await Order.create({
      number: `T-${randomUUID().slice(0, 8)}`,
      userId: user.id,
      email: user.email,
      subtotalAmount: 9_007_199_254_740, // beyond INT: BIGINT
      shippingAmount: 499,
      taxAmount: 0,
      totalAmount: 9_007_199_255_239,
      currency: 'EUR',
      shippingAddress: address,
      workflowId: `order-${randomUUID()}`,
    });
    const occurredAt = new Date('2025-01-02T03:04:05.678Z');
    await OrderEvent.create({
      orderId: order.id,
      type: 'status_changed',
      toStatus: 'paid',
      data: { n: 1 },
      occurredAt,
    });

    const loaded = await Order.findByPk(order.id, { include: ['events', 'user'], rejectOnEmpty: true });
    expect(loaded.shippingAddress).toEqual(address);
    expect(loaded.subtotalAmount).toBe(9_007_199_254_740);
    expect(loaded.user?.disabled).toBe(false);
    expect(loaded.events?.[0]?.data).toEqual({ n: 1 });
    expect(loaded.events?.[0]?.occurredAt.toISOString()).toBe('2025-01-02T03:04:05.678Z');
    expect(loaded.toJSON().shippingAddress).toEqual(address);
  });
});
