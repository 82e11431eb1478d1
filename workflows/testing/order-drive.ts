// Test-only: what the order workflow tests share to drive a run on the time-skipping test server: the harness for a
// test file, the messages' arguments, an authorization as a webhook sends it, and a wait that moves the clock.
import {
  checkoutUpdate,
  type OrderInput,
  type OrderState,
  orderStateQuery,
  paymentEventSignal,
  type ShipRequest,
} from '../order-messages';
import { providerPaymentId } from './order-fakes';
import { createOrderHarness, type OrderHandle, type OrderHarness } from './order-harness';

/**
 * Registers beforeAll/afterAll for a test file: one harness (one workflow bundle). `executable` is the test
 * server's path ($MARKET_TEST_TEMPORAL_TEST_SERVER; the test file reads it).
 */
export function useOrderHarness(executable: string | undefined): OrderHarness {
  let harness: OrderHarness | undefined;
  beforeAll(async () => {
    harness = await createOrderHarness(executable);
  }, 120_000);
  afterAll(() => harness?.teardown());
  const current = () => {
    if (!harness) throw new Error('the order harness is ready only inside tests');
    return harness;
  };
  return {
    get env() {
      return current().env;
    },
    run: (activities, input, drive) => current().run(activities, input, drive),
    teardown: async () => undefined,
  };
}

/** The arguments of the order's messages, as the API sends them. */
export function orderMessages(input: OrderInput) {
  return {
    checkout: { args: [{ requestHash: input.requestHash }] as [{ requestHash: string }] },
    pay: (paymentMethodId: string) => ({ args: [{ paymentMethodId }] as [{ paymentMethodId: string }] }),
    ship: { args: [{ carrier: 'DHL', trackingNumber: 'TRACK1' }] as [ShipRequest] },
    none: { args: [] as [] },
  };
}

/** A provider's `authorized` event for the fake payment of `orderId`. */
export const authorizedEvent = (eventId: string, orderId = 1) => ({
  eventId,
  kind: 'authorized' as const,
  providerPaymentId: providerPaymentId(orderId),
});

/**
 * The activities of a checkout: the order placed with its stock held (one step since patched('fewer-steps')), its
 * payment created and the order marked awaiting it (one step for orders since 2026-12-07, order-versions.ts).
 */
export const placedSteps = ['placeOrderAndHold', 'createPayment'];

/** The activities of an order paid through authorize(): placed, then the webhook's authorization captured. */
export const paidByWebhookSteps = [...placedSteps, 'recordPayment', 'capturePayment', 'completeOrder'];

/** Checkout, then the authorization as a provider webhook would send it. */
export async function authorize(handle: OrderHandle, input: OrderInput): Promise<void> {
  await handle.executeUpdate(checkoutUpdate, orderMessages(input).checkout);
  await handle.signal(paymentEventSignal, authorizedEvent('evt_1'));
}

/**
 * Queries until `ready` holds, moving the test server's clock `stepMs` between queries: a retry's backoff is a
 * timer, and a query loop alone would hold the clock still.
 */
export async function until(
  harness: OrderHarness,
  handle: OrderHandle,
  ready: (state: OrderState) => boolean,
  stepMs = 1_000,
): Promise<OrderState> {
  for (;;) {
    const state = await handle.query(orderStateQuery);
    if (ready(state)) return state;
    await harness.env.sleep(stepMs);
  }
}
