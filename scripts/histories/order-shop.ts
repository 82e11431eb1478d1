/**
 * The fake shop the order recordings (order-recordings.ts) run against: the workflow tests' fakes, with one product
 * out of stock, and a capture and an invoice that fail for the orders a recording names.
 */
import { createOrderFakes } from '@market/workflows/testing/order-fakes';

export const outOfStockProductId = 9;

/** Orders whose invoice fails this many more times (the first tries): see order-invoice-retry. */
export const failingInvoices = new Map<number, number>();
/** Orders whose capture fails this many more times (the first tries): see order-capture-retry. */
export const failingCaptures = new Map<number, number>();

/** `fallback`, except for the orders in `failing`: those fail (a plain Error, retried) while their count lasts. */
function failingFor<Input extends { orderId: number }, Output>(
  failing: Map<number, number>,
  what: string,
  fallback: (input: Input) => Promise<Output>,
): (input: Input) => Promise<Output> {
  return async (input) => {
    const failuresLeft = failing.get(input.orderId) ?? 0;
    if (failuresLeft > 0) {
      failing.set(input.orderId, failuresLeft - 1);
      throw new Error(`${what} unavailable (a failure the recording asked for)`);
    }
    return fallback(input);
  };
}

// The fake shop's own capture and invoice, behind the failures the recordings ask for. Capture takes a moment, so
// the webhook recording's pay request arrives while the order is capturing; the capture retry recording checks the
// keys it was called with.
export const captureFakes = createOrderFakes({ captureDelayMs: 500 });
const invoiceFakes = createOrderFakes().activities;
const orderFakes = createOrderFakes({
  stock: { [outOfStockProductId]: 0 },
  overrides: {
    capturePayment: failingFor(failingCaptures, 'payment provider', captureFakes.activities.capturePayment),
    generateInvoice: failingFor(failingInvoices, 'invoice storage', invoiceFakes.generateInvoice),
  },
});

/** The order workflow's activities, for the recorder's worker. */
export const orderActivities = orderFakes.activities;
