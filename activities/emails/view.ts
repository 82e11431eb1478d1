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

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
