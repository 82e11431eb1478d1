import { randomUUID } from 'node:crypto';
import type { Database } from '@market/db';
import { createSqliteTestDatabase, createTestDatabase } from '@market/db/testing';
import { PaymentRejectedError, WebhookSignatureError } from './port';
import { TestPaymentProvider } from './test-provider';

// The embedded default's payment provider: its state is in test_payments, on MariaDB (the shared stack) and on
// the SQLite file of `npm start`.
describe.each([
  ['MariaDB', createTestDatabase],
  ['SQLite', createSqliteTestDatabase],
] as const)('TestPaymentProvider on %s', (_name, createDatabase: () => Promise<Database>) => {
  let db: Database;
  let provider: TestPaymentProvider;

  beforeAll(async () => {
    db = await createDatabase();
    provider = new TestPaymentProvider({ db });
  });
  afterAll(() => db?.close());

  const key = () => `test-${randomUUID()}`;
  const create = (amount = 4200) =>
    provider.createPayment({ amount, currency: 'eur', idempotencyKey: key(), metadata: { order: 'MK-1' } });
  const confirm = (paymentId: string, paymentMethodId: string) =>
    provider.confirmPayment({ paymentId, paymentMethodId, idempotencyKey: key() });
  const authorized = async () => (await confirm((await create()).id, 'pm_card_visa')).id;

  it('creates a payment waiting for a card', async () => {
    const payment = await create(1999);
    expect(payment).toEqual({
      id: expect.stringMatching(/^tpi_[0-9a-f]{24}$/),
      state: 'requires_payment_method',
      amount: 1999,
      currency: 'EUR',
      clientSecret: null,
      decline: null,
    });
    expect(await provider.retrievePayment(payment.id)).toEqual(payment);
  });

  it('is idempotent on the idempotency key, even for concurrent first calls', async () => {
    const input = { amount: 500, currency: 'EUR', idempotencyKey: key(), metadata: {} };
    const payments = await Promise.all(Array.from({ length: 5 }, () => provider.createPayment(input)));
    expect(new Set(payments.map((p) => p.id)).size).toBe(1);
    expect(await provider.createPayment(input)).toEqual(payments[0]);
    expect(await db.models.TestPayment.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    await expect(provider.createPayment({ ...input, amount: 501 })).rejects.toMatchObject({
      name: 'PaymentRejectedError',
      code: 'idempotency_error',
    });
  });

  it.each(['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_discover', 'pm_card_us'])(
    'authorizes %s',
    async (paymentMethodId) => {
      const payment = await confirm((await create()).id, paymentMethodId);
      expect(payment).toMatchObject({ state: 'authorized', decline: null, clientSecret: null });
    },
  );

  it.each([
    ['pm_card_chargeDeclined', 'card_declined'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc'],
    ['pm_card_doesNotExist', 'invalid_payment_method'],
  ])('declines %s with %s, and a new card can still pay', async (paymentMethodId, code) => {
    const { id } = await create();
    const declined = await confirm(id, paymentMethodId);
    expect(declined).toMatchObject({ id, state: 'requires_payment_method', decline: { code } });
    expect(declined.decline?.message).toEqual(expect.any(String));
    expect(await provider.retrievePayment(id)).toEqual(declined);

    expect(await confirm(id, 'pm_card_visa')).toMatchObject({ state: 'authorized', decline: null });
  });

  it.each(['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required'])(
    'asks for 3-D Secure with %s',
    async (paymentMethodId) => {
      const { id } = await create();
      const payment = await confirm(id, paymentMethodId);
      expect(payment).toMatchObject({ state: 'requires_action', decline: null });
      expect(payment.clientSecret).toMatch(new RegExp(`^${id}_secret_[0-9a-f]+$`));
      // The same secret from any process: it is derived, not stored.
      expect((await new TestPaymentProvider({ db }).retrievePayment(id)).clientSecret).toBe(
        payment.clientSecret,
      );
    },
  );

  it('finishes 3-D Secure both ways', async () => {
    const passed = await create();
    await confirm(passed.id, 'pm_card_threeDSecure2Required');
    expect(await provider.authenticate(passed.id, true)).toMatchObject({
      state: 'authorized',
      clientSecret: null,
      decline: null,
    });

    const failed = await create();
    await confirm(failed.id, 'pm_card_authenticationRequired');
    expect(await provider.authenticate(failed.id, false)).toMatchObject({
      state: 'requires_payment_method',
      decline: { code: 'authentication_failed' },
    });
    await expect(provider.authenticate(failed.id, false)).rejects.toBeInstanceOf(PaymentRejectedError);
  });

  it('returns an authorized or captured payment unchanged when confirmed again', async () => {
    const id = await authorized();
    expect(await confirm(id, 'pm_card_chargeDeclined')).toMatchObject({ state: 'authorized', decline: null });
    await provider.capturePayment({ paymentId: id, idempotencyKey: key() });
    expect(await confirm(id, 'pm_card_visa')).toMatchObject({ state: 'captured' });
  });

  it('captures exactly once under 20 concurrent captures', async () => {
    const id = await authorized();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => provider.capturePayment({ paymentId: id, idempotencyKey: key() })),
    );
    expect(results.map((p) => p.state)).toEqual(Array(20).fill('captured'));
    const row = await db.models.TestPayment.findByPk(id);
    expect(row?.captureCount).toBe(1);
    expect(row?.status).toBe('succeeded');
  });

  it('cancels, idempotently, and refuses to capture a cancelled payment or cancel a captured one', async () => {
    const id = await authorized();
    expect(await provider.cancelPayment({ paymentId: id, idempotencyKey: key() })).toMatchObject({
      state: 'cancelled',
    });
    expect(await provider.cancelPayment({ paymentId: id, idempotencyKey: key() })).toMatchObject({
      state: 'cancelled',
    });
    const capture = provider.capturePayment({ paymentId: id, idempotencyKey: key() });
    await expect(capture).rejects.toBeInstanceOf(PaymentRejectedError);
    await expect(capture).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect((await db.models.TestPayment.findByPk(id))?.captureCount).toBe(0);

    const captured = await authorized();
    await provider.capturePayment({ paymentId: captured, idempotencyKey: key() });
    await expect(
      provider.cancelPayment({ paymentId: captured, idempotencyKey: key() }),
    ).rejects.toMatchObject({
      name: 'PaymentRejectedError',
      code: 'payment_intent_unexpected_state',
    });
  });

  it('cancels unpaid payments and refuses to capture one that was never authorized', async () => {
    const unpaid = await create();
    await expect(
      provider.capturePayment({ paymentId: unpaid.id, idempotencyKey: key() }),
    ).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    expect(await provider.cancelPayment({ paymentId: unpaid.id, idempotencyKey: key() })).toMatchObject({
      state: 'cancelled',
    });
    await expect(confirm(unpaid.id, 'pm_card_visa')).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('rejects unknown payments', async () => {
    await expect(provider.retrievePayment('tpi_missing')).rejects.toMatchObject({
      name: 'PaymentRejectedError',
      code: 'resource_missing',
    });
    await expect(confirm('tpi_missing', 'pm_card_visa')).rejects.toMatchObject({ code: 'resource_missing' });
    await expect(
      provider.capturePayment({ paymentId: 'tpi_missing', idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: 'resource_missing' });
  });

  it('sends no webhooks, so accepts none', () => {
    expect(() => provider.parseWebhook(Buffer.from('{}'), 't=1,v1=abc')).toThrow(
      new WebhookSignatureError('The test payment provider sends no webhooks.'),
    );
  });
});
