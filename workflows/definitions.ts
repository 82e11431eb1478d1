/**
 * What the client side (the API, scripts) needs to start and talk to workflows: names, types and message
 * definitions. Safe to import outside the workflow sandbox: loading a workflow module only defines things
 * (queries, an activity proxy); nothing runs until a worker executes the workflow.
 */
export type { platformCheckWorkflow, PlatformCheckResult, PlatformCheckStatus } from './platform-check';
export { statusQuery } from './platform-check';

/** Workflow type names as registered by the worker (the exported function names in index.ts). */
export const workflowTypes = {
  platformCheck: 'platformCheckWorkflow',
} as const;
