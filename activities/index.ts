import { createCatalogActivities } from './catalog';
import type { ActivityDeps } from './deps';
import { createImageActivities } from './images';
import { createEmailActivities } from './email';
import { createFulfilmentActivities } from './fulfilment';
import { createInvoiceActivities } from './invoices';
import { createOrderActivities } from './orders';
import { createPaymentActivities } from './payments';
import { createPlatformActivities } from './platform';
import { createStockActivities } from './stock';

export type { CatalogSyncResult } from './catalog';
export type { ActivityDeps } from './deps';
export type { GenerateThumbnailsInput, GenerateThumbnailsResult } from './images';
export type { OrderEmailTemplate } from './email';
export type { OrderLine, PlacedOrder, PlaceOrderInput } from './orders';
export type { PlatformCheck } from './platform';

/** Every activity the worker registers, bound to its dependencies (tests inject fakes). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
    ...createImageActivities(deps),
    ...createCatalogActivities(deps),
    ...createOrderActivities(deps),
    ...createStockActivities(deps),
    ...createPaymentActivities(deps),
    ...createFulfilmentActivities(deps),
    ...createEmailActivities(deps),
    ...createInvoiceActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
