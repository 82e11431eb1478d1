// One Jest run, two projects: `unit` (*.unit.test.ts, no outside services) and `integration`
// (every other *.test.ts: real MariaDB, Redis and Temporal brought up by scripts/test.sh).
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
};
const roots = [
  '<rootDir>/schemas',
  '<rootDir>/db',
  '<rootDir>/adapters',
  '<rootDir>/activities',
  '<rootDir>/workflows',
  '<rootDir>/api',
  '<rootDir>/e2e',
  '<rootDir>/deploy',
];
const common = {
  transform,
  roots,
  testEnvironment: 'node',
  // Workspace packages export TypeScript sources under the `source` condition and compiled JS by default.
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'node-addons', 'require', 'default'] },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests talk to real servers; unit tests finish far sooner anyway.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.test.ts', '!**/*.unit.test.ts'],
    },
  ],
};
