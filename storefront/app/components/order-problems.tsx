import { Form, Link, useNavigation } from 'react-router';
import { declineCodeOf, declineText, failureText } from '~/lib/order-status';
import type { Order } from '~/lib/types';
import { Notice } from './notice';

/** What the shopper should know or do now: pay, confirm with the bank, or start again after a failure. */
export function OrderProblems({ order }: { order: Order }) {
  const navigation = useNavigation();
  const retrying = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'retry';
  const payment = order.payment;
  if (order.status === 'awaiting_payment' && payment?.status === 'requires_action') {
    return (
      <Notice>
        Your bank asks you to confirm the payment.{' '}
        <Link to={`/orders/${order.id}/authenticate`} className="font-semibold underline">
          Confirm the payment
        </Link>
      </Notice>
    );
  }
  if (order.status === 'awaiting_payment' && payment?.status === 'authorized') {
    return <Notice>Your card was accepted. We are collecting the payment now.</Notice>;
  }
  if (order.status === 'awaiting_payment') {
    return (
      <Notice>
        This order is waiting for payment.{' '}
        <Link to={`/orders/${order.id}/pay`} className="font-semibold underline">
          Pay now
        </Link>
      </Notice>
    );
  }
  if (order.status === 'pending')
    return <Notice>We are placing your order. This page updates by itself.</Notice>;
  if (order.status === 'cancelled') {
    const by = order.cancelledBy === 'shop' ? ' by the shop' : '';
    const money = order.refundedAmount > 0 ? ' Your payment has been refunded.' : ' Nothing was charged.';
    return <Notice>{`This order was cancelled${by}.${money}`}</Notice>;
  }
  if (order.status !== 'failed') return null;
  const declined = declineCodeOf(order);
  return (
    <Notice tone="error">
      <p>
        This order did not go through: {declined ? declineText(declined) : failureText(order.failureReason)}.
        Nothing was charged.
      </p>
      <Form method="post" className="mt-3">
        <input type="hidden" name="intent" value="retry" />
        <button type="submit" className="btn-primary" disabled={retrying}>
          {retrying ? 'Putting your items back…' : 'Put the items back in my cart and try again'}
        </button>
      </Form>
    </Notice>
  );
}
