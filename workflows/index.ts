// The worker's workflowsPath: every exported function here is registered as a workflow type.
export { platformCheckWorkflow } from './platform-check';
