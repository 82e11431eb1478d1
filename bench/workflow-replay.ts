/**
 * The workflow side of an order alone (not a test): replays the committed histories of today's orders
 * (workflows/histories/*-one-marker.json) many times in one process and reports the CPU it took (every thread of the
 * process: the worker's main thread and its workflow thread), with the SDK's workflow stack traces on and off, in
 * alternated rounds. Replaying runs the same workflow code on the same activations as a live worker, without the
 * server, the database or the activities, so it measures what WORKFLOW_STACK_TRACES costs with little noise.
 * No service needed. See docs/benchmarks.md (issue 14, twelfth step).
 *
 *   npx tsx --conditions=source bench/workflow-replay.ts [--rounds 4] [--copies 40]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type ReplayWorkerOptions,
  Runtime,
  Worker,
} from '@temporalio/worker';
import { setWorkflowStackTraces } from '../api/workflow-threads';
import { progress as log } from './checkout-load';
import { runMain } from './support';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '4' },
    // Each history is replayed this many times per measurement (one replay worker, so its start is amortized).
    copies: { type: 'string', default: '40' },
  },
});

const historiesDir = path.join(__dirname, '..', 'workflows', 'histories');

function currentOrderHistories(): { name: string; history: unknown }[] {
  return readdirSync(historiesDir)
    .filter((file) => file.endsWith('-one-marker.json'))
    .map((file) => ({
      name: file,
      history: JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')),
    }));
}

async function main(): Promise<void> {
  const rounds = Number(args.rounds);
  const copies = Number(args.copies);
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
  const histories = currentOrderHistories();
  if (histories.length === 0) throw new Error(`no *-one-marker.json history in ${historiesDir}`);
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@market/workflows'),
    logger: new DefaultLogger('WARN'),
  });

  const replays = histories.length * copies;
  const measure = async (stackTraces: boolean) => {
    setWorkflowStackTraces(stackTraces);
    const batch = Array.from({ length: copies }, (_, copy) =>
      histories.map(({ name, history }) => ({ workflowId: `${name}:${copy}`, history })),
    ).flat();
    const before = process.cpuUsage();
    const started = performance.now();
    // In a workflow thread, as a live worker runs them: replay workers default to debugMode (the main thread, a
    // fresh context per run), which the stack-trace setting does not reach.
    const options = { workflowBundle: { code }, debugMode: false } as ReplayWorkerOptions;
    for await (const { workflowId, error } of Worker.runReplayHistories(options, batch)) {
      if (error) throw new Error(`${workflowId} did not replay: ${error.message}`);
    }
    const used = process.cpuUsage(before);
    return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started };
  };

  await measure(true); // warm-up: JIT, the bundle's first load
  await measure(false);
  const rows: string[] = [];
  const totals = { on: 0, off: 0 };
  for (let round = 1; round <= rounds; round++) {
    for (const stackTraces of round % 2 ? [true, false] : [false, true]) {
      const { cpuMs, wallMs } = await measure(stackTraces);
      totals[stackTraces ? 'on' : 'off'] += cpuMs;
      const perReplay = cpuMs / replays;
      rows.push(
        `| ${round} | ${stackTraces ? 'on' : 'off'} | ${replays} | ${cpuMs.toFixed(0)} | ${wallMs.toFixed(0)} | ` +
          `${perReplay.toFixed(2)} |`,
      );
      log(
        `round ${round}, stack traces ${stackTraces ? 'on' : 'off'}: ${perReplay.toFixed(2)} ms of CPU per replay`,
      );
    }
  }
  console.log(
    `histories=${histories.length} (${histories.map((h) => h.name).join(', ')}) copies=${copies}\n`,
  );
  console.log('| Round | stack traces | replays | CPU ms | wall ms | CPU ms per replay |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  const perReplay = (total: number) => total / (rounds * replays);
  console.log(
    `\nCPU per replay: stack traces on ${perReplay(totals.on).toFixed(2)} ms, off ${perReplay(totals.off).toFixed(2)} ms ` +
      `(off ÷ on = ${(totals.off / totals.on).toFixed(3)})`,
  );
}

runMain(main, log);
