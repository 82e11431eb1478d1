/**
 * What the client side (the API, scripts) needs to start and talk to workflows: names, types and message
 * definitions. Safe to import outside the workflow sandbox: loading a workflow module only defines things
 * (queries, an activity proxy); nothing runs until a worker executes the workflow.
 */
export type { catalogSyncWorkflow, CatalogSyncOptions } from './catalog-sync';
export { catalogSyncWorkflowId, productChangedSignal } from './catalog-sync';
export type { platformCheckWorkflow, PlatformCheckResult, PlatformCheckStatus } from './platform-check';
export { statusQuery } from './platform-check';
export type { productImageWorkflow, ProductImageInput, ProductImageResult } from './product-image';
export type { reindexWorkflow, ReindexInput, ReindexPhase, ReindexProgress } from './reindex';
export { reindexProgressQuery, reindexWorkflowId } from './reindex';

export type { orderWorkflow } from './order';
export * from './order-messages';

/** Workflow type names as registered by the worker (the exported function names in index.ts). */
export const workflowTypes = {
  catalogSync: 'catalogSyncWorkflow',
  order: 'orderWorkflow',
  platformCheck: 'platformCheckWorkflow',
  productImage: 'productImageWorkflow',
  reindex: 'reindexWorkflow',
} as const;
