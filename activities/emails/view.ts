import type { AddressSnapshot } from '@market/db';
import type { ShopBranding } from '../deps';

export const ORDER_EMAIL_TEMPLATES = [
  'order_confirmation',
  'order_shipped',
  'order_delivered',
  'order_cancelled',
  'order_refunded',
  'payment_failed',
] as const;
export type OrderEmailTemplate = (typeof ORDER_EMAIL_TEMPLATES)[number];

export function isOrderEmailTemplate(value: unknown): value is OrderEmailTemplate {
  return (ORDER_EMAIL_TEMPLATES as readonly unknown[]).includes(value);
}

/** Everything an order email shows, loaded by activities/email.ts; templates are pure functions of it. */
export interface OrderEmailView {
  shop: ShopBranding;
  order: {
    id: number;
    number: string;
    email: string;
    currency: string;
    subtotalAmount: number;
    shippingAmount: number;
    taxAmount: number;
    totalAmount: number;
    createdAt: Date;
    shippingAddress: AddressSnapshot;
  };
  items: { title: string; quantity: number; unitPriceAmount: number; lineTotalAmount: number }[];
  /** The latest shipment, if any. */
  shipment: { carrier: string; trackingNumber: string | null; trackingUrl: string | null } | null;
  /** Money given back so far (succeeded refunds), and the latest such refund (the one a refund email is about). */
  refunds: { totalAmount: number; latestAmount: number | null };
}

/**
 * What each template shows beyond the order and its lines: the email activity reads the latest shipment and the
 * refunds only for the templates that show them (two statements fewer for a confirmation, which every order sends).
 * templates.unit.test.ts renders every template with and without the parts it does not show, and expects the same.
 */
export const TEMPLATE_SHOWS: Record<OrderEmailTemplate, { shipment: boolean; refunds: boolean }> = {
  order_confirmation: { shipment: false, refunds: false },
  order_shipped: { shipment: true, refunds: false },
  order_delivered: { shipment: false, refunds: false },
  order_cancelled: { shipment: false, refunds: true },
  order_refunded: { shipment: false, refunds: true },
  payment_failed: { shipment: false, refunds: false },
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
