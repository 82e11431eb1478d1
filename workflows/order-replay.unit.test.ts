import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';

// The order histories (recorded by scripts/record-histories.ts) replay in replay.unit.test.ts with every other
// history; this shows that an incompatible change to the order workflow is caught by them. No server needed.

const history = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, 'histories', `${name}.json`), 'utf8'));

beforeAll(() => {
  // Quiet: the expected nondeterminism below is otherwise logged by Core as a warning.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
});

test('the paid order history replays against the current order workflow', async () => {
  await expect(
    Worker.runReplayHistory({ workflowsPath: require.resolve('./index') }, history('order-paid')),
  ).resolves.toBeUndefined();
});

test('replay catches an incompatible change to the order workflow', async () => {
  const replay = Worker.runReplayHistory(
    { workflowsPath: require.resolve('./testing/order-changed') },
    history('order-paid'),
  );
  await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
});
