// Stripe.js, loaded from js.stripe.com only on the payment page and only when the shop takes cards through Stripe
// (PCI: card data goes from the browser to Stripe, never through market). Minimal typings for what we call.
export interface StripeElement {
  mount(target: HTMLElement): void;
  destroy(): void;
}

export interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): StripeElement;
  submit(): Promise<{ error?: { message?: string } }>;
}

export interface StripeJs {
  elements(options: Record<string, unknown>): StripeElements;
  createPaymentMethod(options: {
    elements: StripeElements;
  }): Promise<{ paymentMethod?: { id: string }; error?: { message?: string } }>;
  handleNextAction(options: { clientSecret: string }): Promise<{ error?: { message?: string } }>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

/** One Stripe.js instance per publishable key for the page's life. */
const loading = new Map<string, Promise<StripeJs>>();

export function loadStripe(publishableKey: string): Promise<StripeJs> {
  const known = loading.get(publishableKey);
  if (known) return known;
  const promise = new Promise<StripeJs>((resolve, reject) => {
    const ready = () =>
      window.Stripe ? resolve(window.Stripe(publishableKey)) : reject(new Error('no Stripe'));
    if (window.Stripe) return ready();
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3/';
    script.async = true;
    script.onload = ready;
    script.onerror = () => {
      loading.delete(publishableKey);
      reject(new Error('Stripe.js could not be loaded'));
    };
    document.head.appendChild(script);
  });
  loading.set(publishableKey, promise);
  return promise;
}
