import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRoutesStub } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import type { StripeJs } from '~/lib/stripe.client';
import { StripeCardForm } from './stripe-card-form';

// Stripe.js itself cannot load here (no network): a stand-in with the same surface checks what the form does.
function fakeStripe(overrides: Partial<StripeJs> = {}) {
  const stripe = {
    elements: vi.fn(() => ({
      create: () => ({ mount: vi.fn(), destroy: vi.fn() }),
      submit: async () => ({}),
    })),
    createPaymentMethod: vi.fn(async () => ({ paymentMethod: { id: 'pm_from_stripe' } })),
    handleNextAction: vi.fn(async () => ({})),
    ...overrides,
  } as unknown as StripeJs;
  window.Stripe = () => stripe;
  return stripe;
}

function renderPayPage(publishableKey: string, actionClientSecret: string | null, posted: FormData[]) {
  const Stub = createRoutesStub([
    {
      path: '/orders/7/pay',
      Component: () => (
        <StripeCardForm
          publishableKey={publishableKey}
          orderId={7}
          amount={2599}
          currency="EUR"
          actionClientSecret={actionClientSecret}
        />
      ),
      action: async ({ request }) => {
        posted.push(await request.formData());
        return null;
      },
    },
    { path: '/orders/7', Component: () => <h1>Order page</h1> },
  ]);
  render(<Stub initialEntries={['/orders/7/pay']} />);
}

afterEach(() => {
  cleanup();
  delete window.Stripe;
});

test('the card becomes a PaymentMethod in the browser and only its pm_ id is posted', async () => {
  const stripe = fakeStripe();
  const posted: FormData[] = [];
  renderPayPage('pk_test_pays', null, posted);
  await waitFor(() => expect(stripe.elements).toHaveBeenCalled());
  expect(stripe.elements).toHaveBeenCalledWith(
    expect.objectContaining({ mode: 'payment', amount: 2599, currency: 'eur', paymentMethodTypes: ['card'] }),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
  await waitFor(() => expect(posted).toHaveLength(1));
  expect(posted[0]!.get('paymentMethodId')).toBe('pm_from_stripe');
});

test('a card Stripe refuses shows its message and posts nothing', async () => {
  const stripe = fakeStripe({
    createPaymentMethod: vi.fn(async () => ({ error: { message: 'Your card number is incomplete.' } })),
  });
  const posted: FormData[] = [];
  renderPayPage('pk_test_refused', null, posted);
  await waitFor(() => expect(stripe.elements).toHaveBeenCalled());
  fireEvent.click(screen.getByRole('button', { name: 'Pay now' }));
  expect((await screen.findByRole('alert')).textContent).toBe('Your card number is incomplete.');
  expect(posted).toHaveLength(0);
});

test('3-D Secure runs in Stripe.js with the payment’s client secret, then the order page takes over', async () => {
  const stripe = fakeStripe();
  renderPayPage('pk_test_3ds', 'pi_123_secret_456', []);
  expect(await screen.findByRole('heading', { name: 'Order page' })).toBeTruthy();
  expect(stripe.handleNextAction).toHaveBeenCalledWith({ clientSecret: 'pi_123_secret_456' });
});
