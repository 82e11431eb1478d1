import { useQuery } from '@tanstack/react-query';
import { apiUrl, http } from '../providers';

/** The API's aggregate endpoints (api/routes/admin/analytics, docs/analytics.md): figures computed in SQL. */

export interface SalesFigures {
  orders: number;
  grossAmount: number;
  refundedAmount: number;
  netAmount: number;
}

export interface Sales {
  from: string;
  to: string;
  currency: string;
  totals: SalesFigures & { averageOrderAmount: number | null };
  days: (SalesFigures & { date: string })[];
}

export interface SoldFigures {
  units: number;
  orders: number;
  revenueAmount: number;
}

export interface TopProducts {
  currency: string;
  products: (SoldFigures & { productId: number; title: string; slug: string })[];
}

export interface CategoryRevenue {
  currency: string;
  categories: (SoldFigures & { categoryId: number | null; name: string | null })[];
}

export interface Customers {
  newCustomers: number;
  cartsCreated: number;
  cartsConverted: number;
  ordersPlaced: number;
  conversionRateBps: number | null;
}

export interface OpenOrders {
  stuckAfterHours: number;
  totals: { open: number; stuck: number };
  statuses: { status: string; count: number; stuck: number; oldestUpdatedAt: string | null }[];
}

export type Params = Record<string, string | number>;

export function analyticsUrl(name: string, params: Params): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `${apiUrl}/api/admin/analytics/${name}${query ? `?${query}` : ''}`;
}

/** One widget's figures; refetched when the range changes, kept while the next range loads. */
export function useAnalytics<T>(name: string, params: Params) {
  return useQuery({
    queryKey: ['analytics', name, params],
    queryFn: async () => (await http(analyticsUrl(name, params))).json as T,
    placeholderData: (previous) => previous,
  });
}
