import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('the embedded default needs no variables at all', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: path.resolve('.data/market.sqlite') });
    expect(config.redis).toBeNull();
    expect(config.temporal.address).toBeNull();
    expect(config.http.port).toBe(3000);
  });

  test('real services are chosen by URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://market:pw@db:3306/market',
      REDIS_URL: 'redis://cache:6379',
      TEMPORAL_ADDRESS: 'temporal:7233',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.database).toMatchObject({ kind: 'mysql', url: 'mysql://market:pw@db:3306/market' });
    expect(config.redis).toEqual({ url: 'redis://cache:6379' });
    expect(config.temporal.address).toBe('temporal:7233');
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  test('TRUST_PROXY takes a hop count or proxy addresses', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  test('empty strings count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(3000);
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ TEMPORAL_ADDRESS: 'no-port' }, 'TEMPORAL_ADDRESS'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'DATABASE_URL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ GOOGLE_CLIENT_ID: 'only-the-id' }, 'GOOGLE_CLIENT_ID'],
  ])('%j is rejected, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: `));
  });

  test('the process exits with a readable message naming the variable', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', path.join(__dirname, 'main.ts'), 'web'],
      { env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT: ');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
