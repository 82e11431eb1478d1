import type { Database } from '@market/db';
import type { PaymentProvider } from './port';
import { StripePaymentProvider } from './stripe';
import { TestPaymentProvider } from './test-provider';

/** The shape of `Config['payments']` in api/config.ts. */
export type PaymentsConfig =
  | { provider: 'test' }
  | { provider: 'stripe'; secretKey: string; webhookSecret: string; apiUrl: string | null };

/** The payments port for the configured provider. The test provider keeps its state in `db`. */
export function createPaymentProvider(config: PaymentsConfig, deps: { db: Database }): PaymentProvider {
  switch (config.provider) {
    case 'stripe':
      return new StripePaymentProvider({
        secretKey: config.secretKey,
        webhookSecret: config.webhookSecret,
        apiUrl: config.apiUrl,
      });
    case 'test':
      return new TestPaymentProvider(deps);
  }
}

export type {
  ConfirmPaymentInput,
  CreatePaymentInput,
  PaymentDecline,
  PaymentEvent,
  PaymentOperationInput,
  PaymentProvider,
  PaymentState,
  ProviderPayment,
} from './port';
export { PaymentRejectedError, WebhookSignatureError } from './port';
export { StripePaymentProvider, type StripePaymentProviderOptions } from './stripe';
export {
  paymentEventOf,
  paymentStateOf,
  toProviderPayment as stripeToProviderPayment,
} from './stripe-mapping';
export { TEST_PAYMENT_METHODS, TestPaymentProvider } from './test-provider';
