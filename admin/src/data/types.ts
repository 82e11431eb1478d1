/** Record shapes of the admin API (api/routes/admin/*): what the screens read. */

export const ORDER_STATUSES = [
  'pending',
  'awaiting_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
  'failed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  failureReason: string | null;
  totalAmount: number;
  currency: string;
  createdAt: string;
  email: string;
  userId: number | null;
}

export interface OrderLine {
  productId: number;
  title: string;
  unitPriceAmount: number;
  quantity: number;
  lineTotalAmount: number;
}

export interface TimelineEntry {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  data: Record<string, unknown> | null;
  occurredAt: string;
}

export interface AdminOrder extends OrderSummary {
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  shippingAddress: Record<string, unknown>;
  items: OrderLine[];
  payment: {
    status: string;
    provider: string;
    amount: number;
    currency: string;
    decline: { code: string; message: string } | null;
  } | null;
  shipment: {
    carrier: string;
    trackingNumber: string | null;
    trackingUrl: string | null;
    status: string;
    shippedAt: string | null;
    deliveredAt: string | null;
  } | null;
  refundedAmount: number;
  refunds: {
    id: number;
    amount: number;
    currency: string;
    status: 'pending' | 'succeeded' | 'failed';
    reason: string | null;
    createdAt: string;
  }[];
  invoice: { number: string; url: string } | null;
  timeline: TimelineEntry[];
  cancelReason: string | null;
  customer: { id: number; email: string; name: string } | null;
  workflowId: string;
  temporalUrl: string;
  process: { phase: string; stuck: 'capture' | 'invoice' | null } | null;
}

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** Reasons an admin may give for a stock change (api/routes/admin/inventory/schema.ts ADJUSTMENT_REASONS). */
export const ADJUSTMENT_REASONS = ['restock', 'adjustment', 'return'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface ProductImage {
  id: number;
  alt: string | null;
  width: number | null;
  height: number | null;
  url: string;
  thumbnails: { small: string; medium: string; large: string };
}
