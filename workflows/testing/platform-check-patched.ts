// Test-only: the same change made safely. Runs recorded before the patch skip the timer on replay; new runs take it.
import { patched, sleep } from '@temporalio/workflow';
import { platformCheckWorkflow as current } from '../platform-check';

export async function platformCheckWorkflow() {
  if (patched('platform-check-settle-delay')) await sleep('1 second');
  return current();
}
