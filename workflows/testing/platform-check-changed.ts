// Test-only: platformCheckWorkflow as a careless edit would change it (a timer before the activity, no patched()).
// Replaying a recorded history against it must fail; see replay.unit.test.ts.
import { sleep } from '@temporalio/workflow';
import { platformCheckWorkflow as current } from '../platform-check';

export async function platformCheckWorkflow() {
  await sleep('1 second');
  return current();
}
