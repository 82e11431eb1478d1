import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

// The deployment files cannot run here (no Docker engine or cluster), so keep them in step with the code by
// reading them: every workspace is built, every variable the app gets is one the config reads, and production's
// required variables are all there.
const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const workspaces: string[] = JSON.parse(read('package.json')).workspaces;
const configSource = read('api/config.ts');
const schemaBlock = configSource.slice(configSource.indexOf('const schema = z.object({'));
const configVariables = new Set([...schemaBlock.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!));
const requiredInProduction = [
  ...configSource.matchAll(/missing\.push\('([A-Z_]+): required in production'\)/g),
].map((m) => m[1]!);

test('the Dockerfile copies every workspace manifest before npm ci', () => {
  const dockerfile = read('Dockerfile');
  for (const workspace of workspaces)
    expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
});

test('docker-compose gives the app only known variables, including every one production requires', () => {
  const compose = yaml.load(read('docker-compose.yml')) as {
    'x-app': { environment: Record<string, unknown> };
  };
  const names = Object.keys(compose['x-app'].environment);
  expect(names.filter((name) => !configVariables.has(name))).toEqual([]);
  expect(requiredInProduction.length).toBeGreaterThanOrEqual(4);
  for (const name of requiredInProduction) expect(names).toContain(name);
});

test('the Helm chart sets only known variables, including every one production requires', () => {
  const helpers = read('helm/market/templates/_helpers.tpl');
  const names = [...helpers.matchAll(/^([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
  expect(names.filter((name) => !configVariables.has(name))).toEqual([]);
  for (const name of requiredInProduction) expect(names).toContain(name);
});
