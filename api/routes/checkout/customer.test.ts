import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestUser } from '../../testing/users';
import { address, createStockedProduct, guestCart, pay, useOrderApp } from '../../testing/order-app';

const ctx = useOrderApp();

test('a guest cart joins the account at checkout; the order is the customer’s alone', async () => {
  const product = await createStockedProduct(ctx, 6, 3_000);
  const token = await guestCart(ctx, [{ productId: product.id, quantity: 2 }]);
  const customer = await createTestUser(ctx.deps);

  // Signed in, still carrying the guest token: the guest's lines are in the order.
  const placed = await request(ctx.app)
    .post('/api/checkout')
    .set({ ...customer.auth, 'Cart-Token': token, 'Idempotency-Key': randomUUID() })
    .send({ shippingAddress: address });
  expect(placed.status).toBe(201);
  expect(placed.body.order).toMatchObject({ email: customer.user.email, subtotalAmount: 6_000 });
  expect(placed.body.order.items).toEqual([
    expect.objectContaining({ productId: product.id, quantity: 2, lineTotalAmount: 6_000 }),
  ]);

  const paid = await request(ctx.app)
    .post(`/api/orders/${placed.body.order.id}/pay`)
    .set(customer.auth)
    .send({ paymentMethodId: 'pm_card_visa' })
    .expect(200);
  // Paid, and moved on to processing by the workflow (fulfilment) moments later.
  expect(['paid', 'processing']).toContain(paid.body.order.status);

  const mine = await request(ctx.app).get('/api/orders').set(customer.auth).expect(200);
  expect(mine.body).toMatchObject({ total: 1, page: 1 });
  expect(mine.body.items[0]).toMatchObject({ id: placed.body.order.id });
  expect(['paid', 'processing']).toContain(mine.body.items[0].status);

  // The guest token no longer reads it (the order belongs to the account), nor does another customer.
  await request(ctx.app).get(`/api/orders/${placed.body.order.id}`).set('Cart-Token', token).expect(404);
  const stranger = await createTestUser(ctx.deps);
  await request(ctx.app).get(`/api/orders/${placed.body.order.id}`).set(stranger.auth).expect(404);
  await pay(ctx, token, placed.body.order.id, 'pm_card_visa').expect(404);
  const theirs = await request(ctx.app).get('/api/orders').set(stranger.auth).expect(200);
  expect(theirs.body.items).toEqual([]);
});

test('an invalid bearer token is a 401, not a guest checkout', async () => {
  const res = await request(ctx.app)
    .post('/api/checkout')
    .set({ Authorization: 'Bearer not-a-token', 'Idempotency-Key': randomUUID() })
    .send({ shippingAddress: address });
  expect(res.status).toBe(401);
});

test('order list paging is validated', async () => {
  const customer = await createTestUser(ctx.deps);
  await request(ctx.app).get('/api/orders?pageSize=101').set(customer.auth).expect(422);
  await request(ctx.app).get('/api/orders?page=0').set(customer.auth).expect(422);
  await request(ctx.app).get('/api/orders/abc').set(customer.auth).expect(422);
});
