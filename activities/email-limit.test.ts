import { randomUUID } from 'node:crypto';
import { MailpitClient } from '@market/adapters/mail/testing';
import { useEmailActivities } from './email.testing';

// Emails about unpaid orders go to one address at most EMAIL_UNPAID_ORDER_LIMIT_PER_HOUR times an hour (2 here):
// anyone can check out as a guest with a stranger's address, then cancel or never pay.
const mailpit = new MailpitClient();
const { db, activities } = useEmailActivities({ unpaidOrderEmailsPerHour: 2 });

/** A guest order to `email`, failed (never paid) or paid (captured). */
async function order(email: string, paid = false) {
  const id = randomUUID();
  const row = await db().models.Order.create({
    number: `L-${id.slice(0, 20)}`,
    email,
    status: paid ? 'processing' : 'failed',
    subtotalAmount: 1_000,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: 1_000,
    currency: 'EUR',
    shippingAddress: { name: 'Someone', line1: '1 Loop', city: 'London', postalCode: 'N1', country: 'GB' },
    workflowId: `order-${id}`,
  });
  await db().models.Payment.create({
    orderId: row.id,
    provider: 'test',
    amount: 1_000,
    currency: 'EUR',
    status: paid ? 'captured' : 'cancelled',
    idempotencyKey: `pay-${id}`,
  });
  return row;
}

const send = (o: { id: number; workflowId: string }, template: 'payment_failed' | 'order_cancelled') =>
  activities().sendOrderEmail({ orderId: o.id, template, dedupeKey: `${o.workflowId}:email:${template}` });

test('a third email about unpaid orders to one address within the hour is suppressed and logged', async () => {
  const victim = `victim-${randomUUID()}@example.com`;
  const first = await order(victim);
  const second = await order(victim.toUpperCase());
  const third = await order(victim);
  expect(await send(first, 'payment_failed')).toEqual({ status: 'sent' });
  expect(await send(second, 'order_cancelled')).toEqual({ status: 'sent' });
  expect(await send(third, 'payment_failed')).toEqual({ status: 'suppressed' });
  // A retry of the suppressed activity stays suppressed: nothing goes out later either.
  expect(await send(third, 'payment_failed')).toEqual({ status: 'suppressed' });

  const log = await db().models.EmailLog.findOne({ where: { orderId: third.id } });
  expect(log).toMatchObject({ status: 'suppressed', sentAt: null });
  expect(log!.error).toMatch(/^rate_limited/);
  await mailpit.waitFor(`to:"${victim}"`, 2);
  expect(await mailpit.search(`to:"${victim}"`)).toHaveLength(2);
});

test('emails about paid orders are never held back by the limit', async () => {
  const buyer = `buyer-${randomUUID()}@example.com`;
  for (let i = 0; i < 2; i += 1)
    expect(await send(await order(buyer), 'payment_failed')).toEqual({ status: 'sent' });
  const paid = await order(buyer, true);
  expect(await send(paid, 'order_cancelled')).toEqual({ status: 'sent' });
  expect(
    await activities().sendOrderEmail({
      orderId: paid.id,
      template: 'order_confirmation',
      dedupeKey: `${paid.workflowId}:email:order_confirmation`,
    }),
  ).toEqual({ status: 'sent' });
  expect(await send(await order(buyer), 'payment_failed')).toEqual({ status: 'suppressed' });
});
