import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { CURRENT_ORDER } from './order-versions';

// Replays the committed histories (recorded by scripts/record-histories.ts) against today's workflow code: a change
// that would break runs already in flight fails here instead of in production. No server needed.

const historiesDir = path.join(__dirname, 'histories');
const histories = readdirSync(historiesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    workflowId: file,
    history: JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')),
  }));

function history(file: string): unknown {
  const found = histories.find((h) => h.workflowId === file);
  if (!found) throw new Error(`no committed history ${file}: run scripts/record-histories.ts`);
  return found.history;
}

beforeAll(() => {
  // Quiet: the expected nondeterminism below is otherwise logged by Core as a warning.
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
});

test('every committed history replays against the current workflows', async () => {
  expect(histories.map((h) => h.workflowId)).toContain('platform-check.json');
  const failures: { workflowId: string; error: string }[] = [];
  const results = Worker.runReplayHistories({ workflowsPath: require.resolve('./index') }, histories);
  for await (const { workflowId, error } of results) {
    if (error) failures.push({ workflowId, error: `${error.name}: ${error.message}` });
  }
  expect(failures).toEqual([]);
});

test('replay catches an incompatible change to a workflow', async () => {
  const replay = Worker.runReplayHistory(
    { workflowsPath: require.resolve('./testing/platform-check-changed') },
    history('platform-check.json'),
  );
  await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
});

test('the same change behind patched() replays cleanly', async () => {
  await Worker.runReplayHistory(
    { workflowsPath: require.resolve('./testing/platform-check-patched') },
    history('platform-check.json'),
  );
});

/** The events of a committed history, as much of them as the checks below read. */
type HistoryEvent = {
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
  markerRecordedEventAttributes?: {
    markerName: string;
    details: Record<string, { payloads: { data: string }[] }>;
  };
  upsertWorkflowSearchAttributesEventAttributes?: unknown;
};
const eventsOf = (file: string) => (history(file) as { events: HistoryEvent[] }).events;

/** The decoded JSON of each `name` marker's `detail` payload, in history order. */
function markers<T>(file: string, name: string, detail: string): T[] {
  return eventsOf(file).flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== name) return [];
    const data = marker.details[detail]!.payloads[0]!.data;
    return [JSON.parse(Buffer.from(data, 'base64').toString()) as T];
  });
}

/** What a history's run called: activity tasks scheduled, and local activities (their markers), by type. */
function calls(file: string): { tasks: string[]; local: string[] } {
  const tasks = eventsOf(file).flatMap(
    (e) => e.activityTaskScheduledEventAttributes?.activityType.name ?? [],
  );
  const local = markers<{ activity_type: string }>(file, 'core_local_activity', 'data');
  return { tasks, local: local.map((m) => m.activity_type) };
}

/** The patch ids a history's run recorded (core_patch markers), and how many search-attribute upserts it made. */
function patches(file: string): { ids: string[]; upserts: number } {
  const ids = markers<{ id: string }>(file, 'core_patch', 'patch-data').map((m) => m.id);
  const upserts = eventsOf(file).filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;
  return { ids, upserts };
}

test('orders since patched(local-steps) run their steps up to paid as local activities', () => {
  const localSteps = histories.filter((h) => h.workflowId.endsWith('-local-steps.json'));
  expect(localSteps.length).toBeGreaterThanOrEqual(7);
  const upToPaid = ['placeOrder', 'reserveStock', 'createPayment', 'confirmPayment', 'capturePayment'];
  for (const { workflowId } of localSteps) {
    const { tasks, local } = calls(workflowId);
    expect({ workflowId, tasks: tasks.filter((name) => upToPaid.includes(name)) }).toEqual({
      workflowId,
      tasks: [],
    });
    expect(local).toContain('placeOrder');
  }
  // The same order before the patch: activity tasks, no local activity.
  expect(calls('order-delivered.json').tasks).toEqual(expect.arrayContaining(upToPaid));
  expect(calls('order-delivered.json').local).toEqual([]);
  expect(calls('order-delivered-local-steps.json').local).toEqual(expect.arrayContaining(upToPaid));
});

test('orders since patched(fewer-steps) place and hold in one step, and reach processing without an activity task', () => {
  const fewerSteps = histories.filter((h) => h.workflowId.endsWith('-fewer-steps.json'));
  expect(fewerSteps.length).toBeGreaterThanOrEqual(8);
  for (const { workflowId } of fewerSteps) {
    const { tasks, local } = calls(workflowId);
    // One local activity places the order and holds its stock; the two steps it replaces never run.
    expect({
      workflowId,
      first: local[0],
      split: local.filter((n) => n === 'placeOrder' || n === 'reserveStock'),
    }).toEqual({ workflowId, first: 'placeOrderAndHold', split: [] });
    expect({ workflowId, tasks: tasks.filter((name) => name === 'placeOrderAndHold') }).toEqual({
      workflowId,
      tasks: [],
    });
  }
  // paid → processing: an activity task before the patch, a local activity since.
  const before = calls('order-delivered-local-steps.json');
  const after = calls('order-delivered-fewer-steps.json');
  expect(before.tasks.filter((name) => name === 'setOrderStatus')).toHaveLength(1);
  expect(after.tasks).not.toContain('setOrderStatus');
  expect(after.local.filter((name) => name === 'setOrderStatus')).toHaveLength(1);
  expect(after.tasks.length).toBe(before.tasks.length - 1);
  // The out-of-stock order is placed and refused in that one step, then failed.
  expect(calls('order-out-of-stock-fewer-steps.json').local).toEqual(['placeOrderAndHold', 'failOrder']);
});

test('orders since 2026-12-07 record one patch marker, and skip markOrder and, after their own confirm, recordPayment', () => {
  const oneMarker = histories.filter((h) => h.workflowId.endsWith('-one-marker.json'));
  expect(oneMarker.length).toBeGreaterThanOrEqual(11);
  for (const { workflowId } of oneMarker) {
    // One marker and one upsert of TemporalChangeVersion, whatever path the order took.
    expect({ workflowId, ...patches(workflowId) }).toEqual({ workflowId, ids: [CURRENT_ORDER], upserts: 1 });
    const { tasks, local } = calls(workflowId);
    expect({ workflowId, markOrder: [...tasks, ...local].filter((n) => n === 'markOrder') }).toEqual({
      workflowId,
      markOrder: [],
    });
  }
  // The same delivered order before: three markers (and upserts), markOrder and recordPayment as steps of their own.
  expect(patches('order-delivered-fewer-steps.json')).toEqual({
    ids: ['local-steps', 'fewer-steps', 'fulfilment'],
    upserts: 3,
  });
  const before = calls('order-delivered-fewer-steps.json').local;
  const after = calls('order-delivered-one-marker.json').local;
  expect(before).toEqual(expect.arrayContaining(['markOrder', 'recordPayment']));
  expect(after).not.toContain('recordPayment');
  expect(after.length).toBe(before.length - 2);
  // Authorized by the provider's webhook, not by our confirm: our row catches up first, as before.
  expect(calls('order-webhook-duplicates-one-marker.json').local).toContain('recordPayment');
});
