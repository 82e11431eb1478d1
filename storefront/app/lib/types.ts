// The API's JSON as the shop reads it (see /api/openapi.json). Money: integer minor units.
export interface Price {
  amount: number;
  currency: string;
}

/** WebP thumbnails 200, 400 and 800 pixels wide. */
export interface Thumbnails {
  small: string;
  medium: string;
  large: string;
}

export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface ProductSummary {
  id: number;
  slug: string;
  title: string;
  price: Price;
  rating: { average: number; count: number };
  availability: Availability;
  /** The original as uploaded (any size): for JSON-LD and "full size" links, never for a card. */
  thumbnailUrl: string | null;
  thumbnails?: Thumbnails | null;
  highlight?: { title?: string; description?: string };
}

export interface Named {
  slug: string;
  name: string;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  category: Named | null;
  breadcrumbs: Named[];
  tags: Named[];
  images: {
    url: string;
    alt: string | null;
    width: number | null;
    height: number | null;
    thumbnails?: Thumbnails;
  }[];
  related: ProductSummary[];
}

export interface Facets {
  categories: (Named & { count: number })[];
  tags: (Named & { count: number })[];
  priceRanges: { from?: number; to?: number; count: number }[];
  ratings: { min: number; count: number }[];
}

export interface ProductList {
  items: ProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Facets;
}

export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  productCount: number;
  children: CategoryNode[];
}

export interface Review {
  id: number;
  rating: number;
  title: string | null;
  body: string;
  author: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type StockWarning = 'insufficient_stock' | 'out_of_stock' | 'unavailable';

export interface CartLine {
  id: number;
  productId: number;
  slug: string;
  title: string;
  imageUrl: string | null;
  unitPriceAmount: number;
  quantity: number;
  lineTotalAmount: number;
  available: number;
  warning: StockWarning | null;
}

export interface CartView {
  id: number | null;
  token?: string;
  currency: string;
  items: CartLine[];
  saved: Omit<CartLine, 'lineTotalAmount'>[];
  totals: {
    subtotalAmount: number;
    shippingAmount: number;
    taxAmount: number;
    totalAmount: number;
    currency: string;
    taxRateBps: number;
    country: string | null;
  };
  warnings: { itemId: number; productId: number; code: StockWarning; message: string }[];
}

export interface Address {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
}

export interface Payment {
  status: 'pending' | 'requires_action' | 'authorized' | 'captured' | 'failed' | 'cancelled' | 'refunded';
  provider: string;
  amount: number;
  currency: string;
  clientSecret: string | null;
  decline: { code: string; message: string } | null;
}

export interface OrderSummary {
  id: number;
  number: string;
  status: string;
  failureReason: string | null;
  totalAmount: number;
  currency: string;
  createdAt: string;
}

export interface TimelineEntry {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  data: Record<string, unknown> | null;
  occurredAt: string;
}

export interface Order extends OrderSummary {
  email: string;
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  shippingAddress: Address;
  items: {
    productId: number;
    title: string;
    unitPriceAmount: number;
    quantity: number;
    lineTotalAmount: number;
  }[];
  payment: Payment | null;
  shipment: {
    carrier: string;
    trackingNumber: string | null;
    trackingUrl: string | null;
    status: 'pending' | 'shipped' | 'in_transit' | 'delivered' | 'returned';
    shippedAt: string | null;
    deliveredAt: string | null;
  } | null;
  refundedAmount: number;
  invoice: { number: string; url: string } | null;
  timeline: TimelineEntry[];
  cancelledBy: 'customer' | 'shop' | null;
  cancelReason: string | null;
  refunds: {
    id: number;
    amount: number;
    currency: string;
    status: 'pending' | 'succeeded';
    createdAt: string;
  }[];
}

export interface PayResult {
  order: Order;
  payment: Payment;
  nextAction: { type: 'test_authentication'; url: string } | null;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: 'customer' | 'support' | 'admin';
  disabled: boolean;
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}
