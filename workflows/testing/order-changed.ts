// Test-only: orderWorkflow as a careless edit would change it (stock reserved before the order is placed, no
// patched()). Replaying a recorded order history against it must fail; see order-replay.unit.test.ts.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '@market/activities';
import { orderWorkflow as current } from '../order';
import type { OrderInput } from '../order-messages';

const { reserveStock } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export async function orderWorkflow(input: OrderInput) {
  await reserveStock({ orderId: 0, seconds: input.paymentTimeoutSeconds });
  return current(input);
}
