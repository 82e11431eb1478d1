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

/** One email the order sent or tried to send (email_log); no body. */
export interface OrderEmail {
  id: number;
  template: string;
  to: string;
  status: 'pending' | 'sent' | 'failed';
  /** Why the last attempt failed; null once sent. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
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
  /** Oldest first. */
  emails: OrderEmail[];
  process: { phase: string; stuck: 'capture' | 'invoice' | null } | null;
}

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A product as GET /api/admin/products(/:id) presents it (api/routes/admin/products/present.ts). */
export interface AdminProduct {
  id: number;
  title: string;
  slug: string;
  description: string;
  priceAmount: number;
  currency: string;
  status: ProductStatus;
  categoryId: number | null;
  tagIds: number[];
  /** Hundredths of a star (0–500). */
  ratingAverage: number;
  ratingCount: number;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  /** Presigned URL of the first image's 200 px WebP thumbnail (null without images); it expires after an hour. */
  thumbnail: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A category as GET /api/admin/categories presents it: the tree is in `parentId`. */
export interface AdminCategory {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  /** Order among siblings in the shop. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

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

/** Where and how to PUT a new image's file (POST /api/admin/products/:id/images/uploads). */
export interface ImageUploadSlot {
  uploadId: string;
  url: string;
  method: 'PUT';
  /** Send exactly these with the PUT, and no Authorization header. */
  headers: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}
