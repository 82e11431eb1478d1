import type { WorkflowHandle } from '@temporalio/client';

/** One history to record: a workflow run, started and driven the way the recorder is told here. */
export interface Recording {
  /** File name under workflows/histories/, without .json. */
  name: string;
  workflowType: string;
  args: unknown[];
  /**
   * Start with signal-with-start of this signal instead of start, then send it again after each delay (ms from
   * the previous one), so the history pins how the workflow coalesces signals.
   */
  signal?: { name: string; resendAfterMs: number[] };
  /** Talks to the started workflow (updates, signals) before the recorder waits for its result. */
  drive?: (handle: WorkflowHandle) => Promise<void>;
}
