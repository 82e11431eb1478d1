import { declineOf, paymentEventOf, paymentStateOf, toProviderPayment } from './stripe-mapping';

type Intent = Parameters<typeof toProviderPayment>[0];

const intent = (overrides: Partial<Intent>): Intent => ({
  id: 'pi_123',
  status: 'requires_payment_method',
  amount: 4200,
  currency: 'eur',
  client_secret: 'pi_123_secret_abc',
  last_payment_error: null,
  ...overrides,
});

describe('paymentStateOf', () => {
  it.each([
    ['requires_payment_method', 'requires_payment_method'],
    ['requires_confirmation', 'requires_payment_method'],
    ['requires_action', 'requires_action'],
    ['processing', 'processing'],
    ['requires_capture', 'authorized'],
    ['succeeded', 'captured'],
    ['canceled', 'cancelled'],
    ['some_future_status', 'processing'],
  ])('maps Stripe %s to %s', (status, state) => {
    expect(paymentStateOf(status)).toBe(state);
  });
});

describe('toProviderPayment', () => {
  it('upper-cases the currency and hides the client secret unless 3-D Secure needs it', () => {
    expect(toProviderPayment(intent({ status: 'requires_capture' }))).toEqual({
      id: 'pi_123',
      state: 'authorized',
      amount: 4200,
      currency: 'EUR',
      clientSecret: null,
      decline: null,
    });
    expect(toProviderPayment(intent({ status: 'requires_action' }))).toMatchObject({
      state: 'requires_action',
      clientSecret: 'pi_123_secret_abc',
    });
  });

  it('reads the last decline of a payment waiting for a new card', () => {
    const declined = intent({
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    });
    expect(toProviderPayment(declined).decline).toEqual({
      code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    // Once authorized, an earlier decline is history, not the payment's state.
    expect(toProviderPayment({ ...declined, status: 'requires_capture' }).decline).toBeNull();
  });

  it('lets an explicit decline force requires_payment_method', () => {
    const payment = toProviderPayment(intent({ status: 'requires_confirmation' }), {
      code: 'expired_card',
      message: 'Your card has expired.',
    });
    expect(payment).toMatchObject({
      state: 'requires_payment_method',
      decline: { code: 'expired_card' },
      clientSecret: null,
    });
  });
});

describe('declineOf', () => {
  it('prefers decline_code, falls back to code, and needs one of them', () => {
    expect(declineOf({ code: 'card_declined', decline_code: 'lost_card', message: 'm' })).toEqual({
      code: 'lost_card',
      message: 'm',
    });
    expect(declineOf({ code: 'expired_card' })).toEqual({
      code: 'expired_card',
      message: 'The card was declined.',
    });
    expect(declineOf({ message: 'no code' })).toBeNull();
    expect(declineOf(null)).toBeNull();
  });
});

describe('paymentEventOf', () => {
  const event = (type: string, object: Record<string, unknown>) => ({
    id: 'evt_1',
    type,
    data: { object },
  });

  it.each([
    ['payment_intent.amount_capturable_updated', 'authorized'],
    ['payment_intent.succeeded', 'captured'],
    ['payment_intent.canceled', 'cancelled'],
    ['payment_intent.created', 'ignored'],
  ])('maps %s to %s with the payment id', (type, kind) => {
    expect(paymentEventOf(event(type, { id: 'pi_9', object: 'payment_intent' }) as never)).toEqual({
      id: 'evt_1',
      type,
      kind,
      paymentId: 'pi_9',
      decline: null,
    });
  });

  it('carries the decline of a failed payment', () => {
    const failed = event('payment_intent.payment_failed', {
      id: 'pi_9',
      last_payment_error: { code: 'card_declined', decline_code: 'stolen_card', message: 'Declined.' },
    });
    expect(paymentEventOf(failed as never)).toMatchObject({
      kind: 'failed',
      paymentId: 'pi_9',
      decline: { code: 'stolen_card', message: 'Declined.' },
    });
    const bare = event('payment_intent.payment_failed', { id: 'pi_9' });
    expect(paymentEventOf(bare as never).decline).toEqual({
      code: 'payment_failed',
      message: 'The payment failed.',
    });
  });

  it('ignores other objects and has no payment id for them', () => {
    expect(paymentEventOf(event('charge.refunded', { id: 'ch_1' }) as never)).toMatchObject({
      kind: 'ignored',
      paymentId: null,
    });
  });
});
