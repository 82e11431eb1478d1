import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';

// The deployment checks run real tools that `bash scripts/stack.sh install` puts in the cache and `stack.sh env`
// names (scripts/services/{helm,kubeconform,pod-security,compose,gitlab-ci-schema}.sh). A missing tool is a
// failure with the command that installs it, never a skipped test.

export const root = path.resolve(__dirname, '..');
export const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** The path in `variable` (set by `stack.sh env`), which must exist; otherwise throws how to install it. */
export function tool(variable: string, service: string): string {
  const file = process.env[variable];
  const install = `run \`bash scripts/stack.sh install ${service}\`, then \`eval "$(bash scripts/stack.sh env)"\` (npm test does both)`;
  if (!file) throw new Error(`${service} is not set up: ${variable} is unset; ${install}`);
  if (!existsSync(file))
    throw new Error(`${service} is missing: ${variable}=${file} does not exist; ${install}`);
  return file;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion (no shell), from the repository root unless `cwd` says otherwise. */
export function run(
  file: string,
  args: readonly string[],
  options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Run {
  const result = spawnSync(file, args, {
    cwd: options.cwd ?? root,
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 50_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `run`, but a non-zero exit is an error that shows the program's output. */
export function runOk(
  file: string,
  args: readonly string[],
  options: Parameters<typeof run>[2] = {},
): string {
  const result = run(file, args, options);
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(file)} ${args.join(' ')} exited with ${result.status}\n${result.stderr}\n${result.stdout}`.trim(),
    );
  }
  return result.stdout;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

/** The documents of a multi-document YAML stream (`helm template` output), empty ones left out. */
export function manifests(yaml: string): Manifest[] {
  return loadAll(yaml).filter((doc): doc is Manifest => doc !== null && typeof doc === 'object');
}

/** The one manifest of this kind whose name ends with `suffix`. */
export function find(docs: Manifest[], kind: string, suffix = ''): Manifest {
  const found = docs.filter((d) => d.kind === kind && d.metadata.name.endsWith(suffix));
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind} named *${suffix}, found ${found.map((d) => d.metadata.name).join(', ')}`,
    );
  }
  return found[0]!;
}
