import { useRecordContext } from 'react-admin';
import type { AdminOrder } from '../data/types';
import { allowedActions } from './allowedActions';
import { CancelButton } from './CancelButton';
import { DeliverButton } from './DeliverButton';
import { RefundButton } from './RefundButton';
import { RetryButton } from './RetryButton';
import { ShipButton } from './ShipButton';

/** The actions the order's state allows; support and admins alike (orders.manage). */
export function OrderActionButtons() {
  const order = useRecordContext<AdminOrder>();
  if (!order) return null;
  const allowed = new Set(allowedActions(order));
  return (
    <>
      {allowed.has('ship') ? <ShipButton orderId={order.id} /> : null}
      {allowed.has('deliver') ? <DeliverButton orderId={order.id} /> : null}
      {allowed.has('refund') ? <RefundButton order={order} /> : null}
      {allowed.has('retry') ? <RetryButton orderId={order.id} step={order.process?.stuck ?? 'step'} /> : null}
      {allowed.has('cancel') ? <CancelButton orderId={order.id} /> : null}
    </>
  );
}
