// Test-only: in-memory stand-ins for the order workflow's activities, recording every call. Used by the workflow
// tests (workflows/order*.test.ts) and by scripts/record-histories.ts. Nothing here runs inside the sandbox.
import type { Activities } from '@market/activities';
import type { PaymentDecline, PaymentState, ProviderPayment } from '@market/adapters/payments/port';
import { ApplicationFailure } from '@temporalio/common';
import type { OrderInput } from '../order-messages';

export type OrderActivityName =
  | 'placeOrder'
  | 'placeOrderAndHold'
  | 'reserveStock'
  | 'releaseStock'
  | 'createPayment'
  | 'confirmPayment'
  | 'recordPayment'
  | 'capturePayment'
  | 'cancelPayment'
  | 'markOrder'
  | 'completeOrder'
  | 'failOrder'
  // After payment:
  | 'setOrderStatus'
  | 'recordShipment'
  | 'recordDelivery'
  | 'cancelOrder'
  | 'restockOrder'
  | 'refundOrder'
  | 'sendOrderEmail'
  | 'generateInvoice';

export type OrderActivities = Pick<Activities, OrderActivityName>;

export interface OrderActivityCall {
  name: OrderActivityName;
  input: unknown;
}

/** Stripe test PaymentMethod ids the fake confirm understands (like the built-in test provider). */
export const testCards = {
  visa: 'pm_card_visa',
  declined: 'pm_card_chargeDeclined',
  threeDSecure: 'pm_card_authenticationRequired',
} as const;

export interface OrderFakeOptions {
  /** Units on sale per product; products not listed have plenty. */
  stock?: Record<number, number>;
  /** How long capture takes (ms of real time), so a message can arrive while the order is capturing. */
  captureDelayMs?: number;
  /** Replaces one activity's behaviour; the call is still recorded. */
  overrides?: Partial<OrderActivities>;
}

export const providerPaymentId = (orderId: number): string => `pi_fake_${orderId}`;

export function fakePayment(
  orderId: number,
  state: PaymentState,
  extra: { decline?: PaymentDecline; clientSecret?: string; amount?: number } = {},
): ProviderPayment {
  return {
    id: providerPaymentId(orderId),
    state,
    amount: extra.amount ?? 2_500,
    currency: 'EUR',
    clientSecret: extra.clientSecret ?? null,
    decline: extra.decline ?? null,
  };
}

export const cardDeclined: PaymentDecline = { code: 'card_declined', message: 'Your card was declined.' };

/**
 * A tiny fake shop: placeOrder numbers orders per workflow (a retry gets the same id), reserveStock refuses lines
 * over `stock` with the real OutOfStock failure (placeOrderAndHold answers with them), confirm answers by test
 * card, the rest succeed.
 */
export function createOrderFakes(options: OrderFakeOptions = {}) {
  const calls: OrderActivityCall[] = [];
  const orders = new Map<string, { orderId: number; lines: OrderInput['lines']; total: number }>();
  const refunded = new Map<number, number>();
  const byId = (orderId: number) => [...orders.values()].find((o) => o.orderId === orderId);
  const shortOf = (orderId: number) =>
    (byId(orderId)?.lines ?? [])
      .filter((line) => line.quantity > (options.stock?.[line.productId] ?? Infinity))
      .map((line) => line.productId);

  const base: OrderActivities = {
    placeOrder: async (input) => {
      const existing = orders.get(input.workflowId);
      if (existing) return { orderId: existing.orderId };
      const orderId = orders.size + 1;
      orders.set(input.workflowId, { orderId, lines: input.lines, total: input.totalAmount });
      return { orderId };
    },
    placeOrderAndHold: async ({ holdSeconds, ...input }) => {
      const { orderId } = await base.placeOrder(input);
      const short = shortOf(orderId);
      if (short.length) return { orderId, hold: { shortProductIds: short } };
      return { orderId, hold: await base.reserveStock({ orderId, seconds: holdSeconds }) };
    },
    reserveStock: async ({ orderId, seconds }) => {
      const short = shortOf(orderId);
      if (short.length) {
        throw ApplicationFailure.nonRetryable(
          `not enough stock for ${short.join(', ')}`,
          'OutOfStock',
          short,
        );
      }
      return { expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
    },
    releaseStock: async () => undefined,
    createPayment: async ({ orderId }) => ({
      paymentId: orderId,
      payment: fakePayment(orderId, 'requires_payment_method', { amount: byId(orderId)?.total }),
    }),
    confirmPayment: async ({ orderId, paymentMethodId }) => {
      if (paymentMethodId === testCards.declined) {
        return fakePayment(orderId, 'requires_payment_method', { decline: cardDeclined });
      }
      if (paymentMethodId === testCards.threeDSecure) {
        return fakePayment(orderId, 'requires_action', {
          clientSecret: `${providerPaymentId(orderId)}_secret`,
        });
      }
      return fakePayment(orderId, 'authorized');
    },
    recordPayment: async () => undefined,
    capturePayment: async ({ orderId }) => {
      if (options.captureDelayMs) await new Promise((resolve) => setTimeout(resolve, options.captureDelayMs));
      return fakePayment(orderId, 'captured');
    },
    cancelPayment: async () => undefined,
    markOrder: async () => undefined,
    completeOrder: async () => undefined,
    failOrder: async () => undefined,
    setOrderStatus: async () => undefined,
    recordShipment: async () => undefined,
    recordDelivery: async () => undefined,
    cancelOrder: async () => undefined,
    restockOrder: async () => undefined,
    refundOrder: async ({ orderId, amount }) => {
      refunded.set(orderId, (refunded.get(orderId) ?? 0) + amount);
      return { refundedAmount: refunded.get(orderId)! };
    },
    sendOrderEmail: async () => ({ status: 'sent' as const }),
    generateInvoice: async ({ orderId }) => ({
      number: `INV-${String(orderId).padStart(6, '0')}`,
      storageKey: `invoices/${orderId}.pdf`,
    }),
  };

  const impl = { ...base, ...options.overrides } as Record<
    OrderActivityName,
    (input: never) => Promise<unknown>
  >;
  const activities = Object.fromEntries(
    (Object.keys(base) as OrderActivityName[]).map((name) => [
      name,
      (input: never) => {
        calls.push({ name, input });
        return impl[name](input);
      },
    ]),
  ) as unknown as OrderActivities;

  return {
    activities,
    calls,
    /** The activities called, in order. */
    names: (): OrderActivityName[] => calls.map((call) => call.name),
    /** The activities called, leaving out emails (they run in the background, in no fixed order). */
    steps: (): OrderActivityName[] =>
      calls.filter((call) => call.name !== 'sendOrderEmail').map((call) => call.name),
    /** The email templates sent, in order. */
    emails: (): string[] =>
      calls
        .filter((call) => call.name === 'sendOrderEmail')
        .map((call) => (call.input as { template: string }).template),
    count: (name: OrderActivityName): number => calls.filter((call) => call.name === name).length,
    inputsOf: (name: OrderActivityName): unknown[] =>
      calls.filter((call) => call.name === name).map((call) => call.input),
  };
}

/** A valid order input: two lines (products 1 and 2), 25.00 EUR in total. */
export function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    number: 'M-TEST-0000-0001',
    userId: 42,
    email: 'shopper@example.com',
    guestTokenHash: null,
    idempotencyKey: 'user:42:checkout-1',
    requestHash: 'a'.repeat(64),
    currency: 'EUR',
    lines: [
      { productId: 1, title: 'Mug', unitPriceAmount: 800, quantity: 2, lineTotalAmount: 1_600 },
      { productId: 2, title: 'Tea', unitPriceAmount: 400, quantity: 1, lineTotalAmount: 400 },
    ],
    subtotalAmount: 2_000,
    shippingAmount: 500,
    taxAmount: 0,
    totalAmount: 2_500,
    shippingAddress: {
      name: 'Ada Shopper',
      line1: '1 Main St',
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
    },
    paymentTimeoutSeconds: 1_800,
    ...overrides,
  };
}
