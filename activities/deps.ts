import type { ObjectStorage, SearchEngine } from '@market/adapters';
import type { Mailer } from '@market/adapters/mail/port';
import type { PaymentProvider } from '@market/adapters/payments/port';
import type { Database } from '@market/db';
import type { Logger } from 'pino';

/**
 * What activities need from the outside world, as narrow structural types: the real objects come from
 * @market/db and the API's logger, and tests pass fakes.
 */
export interface ActivityDeps {
  /** The whole database for activities that read the catalog (the worker passes it); a ping-only fake otherwise. */
  db:
    | Database
    | {
        /** Rejects when the database does not answer. */
        ping(): Promise<void>;
      };
  /**
   * The product search engine, or the embedded default's in-process index; absent or null: the catalog-sync
   * activities fail for good.
   */
  search?: SearchEngine | null;
  /** The search alias the catalog reads and writes (`config.search.index`). */
  alias?: string;
  /** Product images and their thumbnails; workers without it fail image activities (nonRetryable). */
  storage?: Pick<ObjectStorage, 'get' | 'put'>;
  /** Stripe or the built-in test provider; workers without it fail payment activities (nonRetryable). */
  payments?: PaymentProvider;
  /** SMTP or the outbox folder; workers without it fail email activities (nonRetryable). */
  mailer?: Mailer;
  /** What emails and invoices show of the shop (config.shop). */
  shop?: ShopBranding;
  /**
   * The most emails about unpaid orders (payment failed, cancelled) one address gets per hour
   * (EMAIL_UNPAID_ORDER_LIMIT_PER_HOUR); absent: no limit.
   */
  unpaidOrderEmailsPerHour?: number;
  /**
   * The most of a product's stock on hand, in percent, that unpaid guest orders may hold at once
   * (GUEST_HOLD_MAX_PERCENT); absent: 100, no cap beyond the stock itself.
   */
  guestHoldMaxPercent?: number;
  /** The process logger, for work outside an activity; inside one, use `log` from @temporalio/activity. */
  log?: Logger;
}

/** The shop as emails and invoices show it (the API's config.shop). */
export interface ShopBranding {
  name: string;
  /** The storefront, for links. */
  url: string;
  brandColor: string;
  logoUrl: string | null;
  supportEmail: string | null;
  /** The From address. */
  from: string;
}
