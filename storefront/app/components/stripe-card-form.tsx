import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSubmit } from 'react-router';
import { loadStripe, type StripeElements, type StripeJs } from '~/lib/stripe.client';

interface Props {
  publishableKey: string;
  orderId: number;
  amount: number;
  currency: string;
  /** Set while the payment waits for 3-D Secure: Stripe.js shows the bank's challenge, then the order page polls. */
  actionClientSecret: string | null;
}

/**
 * Stripe's Payment Element (cards) in deferred mode: the card becomes a PaymentMethod in the browser, and only its
 * `pm_…` id is posted to this page's action, which pays through the API as for the test provider.
 */
export function StripeCardForm({ publishableKey, orderId, amount, currency, actionClientSecret }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const stripeRef = useRef<{ stripe: StripeJs; elements: StripeElements } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = useSubmit();
  const navigate = useNavigate();

  useEffect(() => {
    let element: { destroy(): void } | null = null;
    loadStripe(publishableKey).then(
      (stripe) => {
        const elements = stripe.elements({
          mode: 'payment',
          amount,
          currency: currency.toLowerCase(),
          paymentMethodCreation: 'manual',
          paymentMethodTypes: ['card'],
          captureMethod: 'manual',
        });
        const payment = elements.create('payment');
        if (mountRef.current) payment.mount(mountRef.current);
        element = payment;
        stripeRef.current = { stripe, elements };
      },
      () => setError('The card form could not be loaded. Check your connection and reload the page.'),
    );
    return () => element?.destroy();
  }, [publishableKey, amount, currency]);

  useEffect(() => {
    if (!actionClientSecret) return;
    loadStripe(publishableKey)
      .then((stripe) => stripe.handleNextAction({ clientSecret: actionClientSecret }))
      .then((result) => {
        if (result.error) setError(result.error.message ?? 'Your bank did not confirm the payment.');
        else navigate(`/orders/${orderId}`);
      })
      .catch(() => setError('The bank check could not be started. Please try again.'));
  }, [actionClientSecret, publishableKey, orderId, navigate]);

  async function pay(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ready = stripeRef.current;
    if (!ready) return;
    setBusy(true);
    setError(null);
    const checked = await ready.elements.submit();
    const created = checked.error
      ? { error: checked.error, paymentMethod: undefined }
      : await ready.stripe.createPaymentMethod({ elements: ready.elements });
    setBusy(false);
    if (created.error || !created.paymentMethod) {
      setError(created.error?.message ?? 'Please check your card details.');
      return;
    }
    submit({ intent: 'pay', paymentMethodId: created.paymentMethod.id }, { method: 'post' });
  }

  return (
    <form onSubmit={pay} className="space-y-4">
      <div ref={mountRef} className="min-h-32" />
      <noscript>
        <p className="text-sm text-red-700">Card payments need JavaScript: please enable it to pay.</p>
      </noscript>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? 'Checking your card…' : 'Pay now'}
      </button>
    </form>
  );
}
