import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '../logger';
import { writeWorkflowBundle } from '../worker';

/**
 * `npm run build:workflows [-- path]`: bundles the workflows once, at image build time, so production workers
 * start without webpack and every worker of a release runs byte-identical workflow code. Workers load it from
 * WORKFLOW_BUNDLE_PATH.
 */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  await mkdir(path.dirname(target), { recursive: true });
  const started = Date.now();
  console.log(`Bundling workflows into ${target}…`);
  await writeWorkflowBundle(target, createLogger({ level: 'warn' }));
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
