import { allHandlersFinished, condition, log, proxyActivities } from '@temporalio/workflow';
import type { Activities, OrderEmailTemplate } from '@market/activities';
import type { CancelRequest, OrderInput, OrderState } from './order-messages';

/** Emails are retried until the mail server takes them; the order never waits for them. */
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // A mail server down for three days, or an address it rejects for good (MailRejected), ends the attempt: the
  // email_log row keeps the error, and the order does not wait for ever.
  scheduleToCloseTimeout: '3 days',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['MailRejected', 'MailNotConfigured', 'UnknownTemplate', 'OrderNotFound'],
  },
});

/** What the order workflow (order.ts) and its fulfilment section (order-fulfilment.ts) share about one run. */
export interface OrderContext {
  input: OrderInput;
  workflowId: string;
  state: OrderState;
  /** Sends in the background (awaited before the run ends); `suffix` tells repeated emails apart (refund 2). */
  email(template: OrderEmailTemplate, suffix?: string): void;
  /** One action at a time: each runs after the previous one finished, and sees its result. */
  exclusive<T>(action: () => Promise<T>): Promise<T>;
  /**
   * The end of the run: actions are refused from now on; those already accepted finish first, and so does every
   * email, including one an action queued while the others were being awaited.
   */
  settle(): Promise<void>;
  /** A cancel that arrived before payment: the payment wait ends and the compensations run. */
  cancelRequest: CancelRequest | null;
  /** Set by retry while capture waits for it. */
  captureRetry: boolean;
  /** The run is ending (the order is over, the refund window closed): every action is refused. */
  closed: boolean;
}

export function createOrderContext(input: OrderInput, workflowId: string, state: OrderState): OrderContext {
  const emails: Promise<unknown>[] = [];
  let busy = false;
  const ctx: OrderContext = {
    input,
    workflowId,
    state,
    cancelRequest: null,
    captureRetry: false,
    closed: false,
    email: (template, suffix = '') => {
      const dedupeKey = `${workflowId}:email:${template}${suffix}`;
      // Retried until the mail server takes it; if it still ends in failure (the run is cancelled, say) the order
      // goes on: an email never fails an order.
      emails.push(
        mail.sendOrderEmail({ orderId: state.orderId!, template, dedupeKey }).catch((err: unknown) => {
          log.warn('order email not sent', { template, error: String(err) });
        }),
      );
    },
    exclusive: async (action) => {
      while (busy) await condition(() => !busy);
      busy = true;
      try {
        return await action();
      } finally {
        busy = false;
      }
    },
    settle: async () => {
      ctx.closed = true;
      for (let queued = -1; queued !== emails.length;) {
        queued = emails.length;
        await Promise.all(emails);
        await condition(allHandlersFinished);
      }
    },
  };
  return ctx;
}
