// The worker's workflowsPath: every exported function here is registered as a workflow type.
export { catalogSyncWorkflow } from './catalog-sync';
export { platformCheckWorkflow } from './platform-check';
export { productImageWorkflow } from './product-image';
export { reindexWorkflow } from './reindex';
export { orderWorkflow } from './order';
