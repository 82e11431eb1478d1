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

// A variable left empty ("${NAME:-}") would reach the app unset and stop it at boot: compose must refuse to start
// instead, with its own message (${NAME:?…}), or give a value.
test('docker-compose never leaves a variable production requires empty', () => {
  const compose = yaml.load(read('docker-compose.yml')) as {
    'x-app': { environment: Record<string, string> };
  };
  const environment = compose['x-app'].environment;
  expect(environment.SMTP_URL).toMatch(/^\$\{SMTP_URL:\?.+\}$/);
  for (const name of requiredInProduction) {
    expect([name, environment[name]]).not.toEqual([name, '']);
    expect([name, environment[name]]).not.toEqual([name, expect.stringMatching(/^\$\{\w+(:?-)?\}$/)]);
  }
});

/** The body of one `define` of _helpers.tpl: its own `{{- end -}}` closes it, nested blocks use `{{- end }}`. */
function helmDefine(name: string): string {
  const helpers = read('helm/market/templates/_helpers.tpl');
  const start = helpers.indexOf(`{{- define "${name}" -}}`);
  expect(start).toBeGreaterThanOrEqual(0);
  return helpers.slice(start, helpers.indexOf('{{- end -}}', start));
}
const variablesIn = (block: string) => [...block.matchAll(/^([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);

test('the Helm chart refuses to render without each variable production requires', () => {
  const lines = [helmDefine('market.configData'), helmDefine('market.secretData')].join('\n').split('\n');
  for (const name of requiredInProduction) {
    const line = lines.find((l) => l.startsWith(`${name}: `));
    expect([name, line]).toEqual([name, expect.stringMatching(/\{\{ required "[^"]+" \.Values\./)]);
  }
});

test('the Helm chart keeps secrets in its Secret, never in the ConfigMap', () => {
  const secretVariables = [
    // URLs that carry credentials
    'DATABASE_URL',
    'REDIS_URL',
    'SMTP_URL',
    // Stripe's publishable key is public by design: Stripe.js uses it in every shopper's browser.
    ...[...configVariables].filter(
      (name) => /SECRET|PASSWORD|TOKEN$|_KEY(_ID)?$/.test(name) && name !== 'STRIPE_PUBLISHABLE_KEY',
    ),
  ];
  expect(secretVariables).toEqual(expect.arrayContaining(['CARRIER_WEBHOOK_SECRET', 'STRIPE_SECRET_KEY']));
  const inConfigMap = variablesIn(helmDefine('market.configData'));
  expect(inConfigMap.filter((name) => secretVariables.includes(name))).toEqual([]);
  const inSecret = variablesIn(helmDefine('market.secretData'));
  expect(inSecret).toEqual(expect.arrayContaining(['SMTP_URL', 'CARRIER_WEBHOOK_SECRET']));
  // The Secret holds nothing else: a setting that is not secret belongs in the ConfigMap, where it can be read.
  expect(
    inSecret.filter((name) => !secretVariables.includes(name) && !name.startsWith('GOOGLE_CLIENT')),
  ).toEqual([]);
});

test('docs/deployment.md lists every variable production requires', () => {
  const docs = read('docs/deployment.md');
  for (const name of requiredInProduction)
    expect([name, docs.includes(`| \`${name}\``)]).toEqual([name, true]);
});
