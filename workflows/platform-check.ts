import { defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '@market/activities';

export interface PlatformCheckResult {
  database: 'ok';
  /** ISO 8601; the workflow's deterministic clock when the check finished. */
  checkedAt: string;
}

export type PlatformCheckStatus =
  { stage: 'checking' } | { stage: 'done'; result: PlatformCheckResult } | { stage: 'failed'; error: string };

export const statusQuery = defineQuery<PlatformCheckStatus>('status');

const { checkPlatform } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 5,
  },
});

/** A platform smoke check support staff can run: the worker is up and its database answers. */
export async function platformCheckWorkflow(): Promise<PlatformCheckResult> {
  let status: PlatformCheckStatus = { stage: 'checking' };
  setHandler(statusQuery, () => status);

  try {
    const { database } = await checkPlatform();
    // Inside the workflow sandbox Date is the SDK's replay-safe clock (the time of the current workflow task).
    const result = { database, checkedAt: new Date().toISOString() };
    status = { stage: 'done', result };
    return result;
  } catch (err) {
    status = { stage: 'failed', error: err instanceof Error ? err.message : String(err) };
    throw err;
  }
}
