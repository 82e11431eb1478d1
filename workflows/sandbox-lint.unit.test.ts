import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Proves the workflow bans in eslint.config.mjs fire: a broken rule would otherwise pass silently.
// ESLint loads its ESM config with import(), which Jest's VM cannot do, so it lints in a child Node process.

const root = path.join(__dirname, '..');
const fsRead = "import fs from 'node:fs';\nexport const read = () => fs.readFileSync('x');\n";

const cases = {
  nodeBuiltin: { file: 'workflows/example.ts', code: fsRead },
  bareBuiltin: {
    file: 'workflows/example.ts',
    code: "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n",
  },
  activityValue: {
    file: 'workflows/example.ts',
    code: "import { createActivities } from '@market/activities';\nexport const make = createActivities;\n",
  },
  ioLibrary: { file: 'workflows/example.ts', code: "import pino from 'pino';\nexport const log = pino();\n" },
  mathRandom: { file: 'workflows/example.ts', code: 'export const roll = () => Math.random();\n' },
  processEnv: { file: 'workflows/example.ts', code: 'export const env = () => process.env.X;\n' },
  typeImport: {
    file: 'workflows/example.ts',
    code: [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import type { Activities } from '@market/activities';",
      "export const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });",
      '',
    ].join('\n'),
  },
  workflowTest: { file: 'workflows/example.test.ts', code: fsRead },
  activity: { file: 'activities/example.ts', code: fsRead },
};

const lintInChild = `
const { ESLint } = require('eslint');
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const eslint = new ESLint();
  const out = {};
  for (const [name, { file, code }] of Object.entries(JSON.parse(input))) {
    const [result] = await eslint.lintText(code, { filePath: file });
    out[name] = result.messages.map((m) => m.ruleId || 'fatal: ' + m.message);
  }
  process.stdout.write(JSON.stringify(out));
});`;

let ruleIds: Record<keyof typeof cases, string[]>;

beforeAll(() => {
  ruleIds = JSON.parse(
    execFileSync(process.execPath, ['-e', lintInChild], {
      cwd: root,
      input: JSON.stringify(cases),
      encoding: 'utf8',
    }),
  );
}, 30_000);

test.each([
  ['nodeBuiltin', 'no-restricted-imports'],
  ['bareBuiltin', 'no-restricted-imports'],
  ['activityValue', 'no-restricted-imports'],
  ['ioLibrary', 'no-restricted-imports'],
  ['mathRandom', 'no-restricted-syntax'],
  ['processEnv', 'no-restricted-globals'],
] as const)('workflows: %s is an error (%s)', (name, rule) => {
  expect(ruleIds[name]).toContain(rule);
});

test('workflows may import activities as types and use the SDK', () => {
  expect(ruleIds.typeImport).toEqual([]);
});

test('the bans stay out of workflow tests and other folders', () => {
  expect(ruleIds.workflowTest).toEqual([]);
  expect(ruleIds.activity).toEqual([]);
});
