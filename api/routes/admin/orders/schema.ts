import { z } from 'zod';
import { EMAIL_STATUSES, ORDER_STATUSES } from '@market/db';
import { orderSummarySchema, staffOrderSchema } from '../../../presenters/order';
import { idSchema, listQuerySchema } from '../simple-rest';

export const ORDER_SORT_FIELDS = ['id', 'createdAt', 'totalAmount', 'status'] as const;

const status = z.enum(ORDER_STATUSES);
/** A day (`2026-11-23`, the whole day in UTC) or an instant with its offset (`2026-11-23T10:00:00Z`). */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `GET /api/admin/orders`: ra-data-simple-rest's sort, range and filter. */
export const listOrdersQuery = listQuerySchema({
  name: 'orders',
  sortFields: ORDER_SORT_FIELDS,
  filters: {
    status: z
      .union([status, z.array(status).min(1).max(ORDER_STATUSES.length)])
      .optional()
      .meta({ description: 'One status or a list of them' }),
    from: dateOrInstant.optional().meta({ description: 'Placed at or after (ISO date or date-time)' }),
    to: dateOrInstant
      .optional()
      .meta({ description: 'Placed at or before (an ISO date includes that whole day)' }),
    customer: z
      .union([idSchema, z.email().max(255)])
      .optional()
      .meta({ description: 'A user id, or an email (the order’s email or its account’s)' }),
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'Part of the order number or email, any case' }),
  },
});

export type OrderListFilter = NonNullable<z.output<typeof listOrdersQuery>['filter']>;

export const adminOrderSummarySchema = orderSummarySchema
  .extend({ email: z.string(), userId: z.number().int().nullable() })
  .meta({ id: 'AdminOrderSummary' });

/** One email the order sent (or tried to): from email_log, never its body. */
export const adminOrderEmailSchema = z.object({
  id: z.number().int(),
  template: z.string().meta({ description: 'order_confirmation, order_shipped, … (docs/emails.md)' }),
  to: z.string().meta({ description: 'The recipient' }),
  status: z.enum(EMAIL_STATUSES),
  error: z.string().nullable().meta({
    description: 'Why the last attempt failed (SMTP code and message, credentials masked); null once sent',
  }),
  createdAt: z.string().meta({ description: 'When the first attempt was made' }),
  sentAt: z.string().nullable().meta({ description: 'When the mail server accepted it; null until then' }),
});

export const adminOrderSchema = staffOrderSchema
  .extend({
    userId: z.number().int().nullable(),
    customer: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
    workflowId: z.string(),
    temporalUrl: z.string().meta({ description: 'The order’s workflow in Temporal Web' }),
    emails: z.array(adminOrderEmailSchema).meta({ description: 'Every email of the order, oldest first' }),
    process: z
      .object({
        phase: z.string(),
        stuck: z
          .enum(['capture', 'invoice'])
          .nullable()
          .meta({ description: 'A step that ran out of retries and waits for POST …/retry' }),
      })
      .nullable()
      .meta({
        description: 'The running workflow’s own state; null once it has finished (or does not answer)',
      }),
  })
  .meta({ id: 'AdminOrder' });

/** Free text kept on the order and shown in its timeline. */
const reason = z.string().trim().min(1).max(255);

export const shipBody = z
  .object({
    carrier: z.string().trim().min(1).max(64),
    trackingNumber: z.string().regex(/^[A-Za-z0-9-]{1,128}$/, 'Letters, digits and dashes, at most 128'),
    trackingUrl: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain })
      .max(512)
      .optional()
      .meta({ description: 'The carrier’s tracking page (https)' }),
  })
  .strict();

export const cancelBody = z.object({ reason }).strict();

export const refundBody = z
  .object({
    amount: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'Minor units to give back; or send `full: true` instead' }),
    full: z
      .literal(true)
      .optional()
      .meta({ description: 'Refund everything captured and not yet refunded (instead of an amount)' }),
    reason: reason.optional(),
  })
  .strict()
  // An empty body must not mean "refund everything": the amount, or an explicit full refund, exactly one.
  .refine((body) => (body.amount === undefined) !== (body.full === undefined), {
    path: ['amount'],
    message: 'Give the amount to refund, or full: true to refund everything that is left (not both)',
  });

/** deliver and retry take no fields; an empty body or `{}`. */
export const emptyBody = z.object({}).strict();
