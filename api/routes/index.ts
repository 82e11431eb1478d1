import type { Route } from '../openapi/route';
import { analyticsRoutes } from './admin/analytics/handler';
import { adminCategoryRoutes } from './admin/categories/handler';
import { adminInventoryRoutes } from './admin/inventory/handler';
import { adminOrderRoutes } from './admin/orders/handler';
import { productImageRoutes } from './admin/product-images/handler';
import { adminProductRoutes } from './admin/products/handler';
import { adminReviewRoutes } from './admin/reviews/handler';
import { adminTagRoutes } from './admin/tags/handler';
import { reindexRoutes } from './admin/search/reindex/handler';
import { adminUserRoutes } from './admin/users/handler';
import { authRoutes } from './auth/handler';
import { cartRoutes } from './cart/handler';
import { catalogRoutes } from './catalog/handler';
import { checkoutRoutes } from './checkout/handler';
import { healthRoutes } from './health/handler';
import { meRoutes } from './me/handler';
import { oauthRoutes } from './oauth/handler';
import { shopperCancelRoutes } from './orders/cancel';
import { orderRoutes } from './orders/handler';
import { invoiceRoutes } from './orders/invoice';
import { webhookRoutes } from './webhooks/handler';
import { shippingWebhookRoutes } from './webhooks/shipping';

/** Every route of the API. A new area adds its list here; OpenAPI and the router both read this. */
export const routes: Route[] = [
  ...healthRoutes,
  ...adminUserRoutes,
  ...adminProductRoutes,
  ...adminCategoryRoutes,
  ...adminTagRoutes,
  ...adminReviewRoutes,
  ...adminInventoryRoutes,
  ...adminOrderRoutes,
  ...analyticsRoutes,
  ...productImageRoutes,
  ...reindexRoutes,
  ...authRoutes,
  ...catalogRoutes,
  ...cartRoutes,
  ...meRoutes,
  ...oauthRoutes,
  ...checkoutRoutes,
  ...orderRoutes,
  ...shopperCancelRoutes,
  ...invoiceRoutes,
  ...webhookRoutes,
  ...shippingWebhookRoutes,
];
