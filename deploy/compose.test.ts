import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { read, root, run, tool } from './tools';

// docker-compose.yml loaded by the official Docker Compose (v2, `docker compose config`): interpolation, required
// variables, the Compose Specification schema and the references between services, as `docker compose up` would
// see them. No Docker engine is needed (or used).

interface Service {
  image?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: { host_ip?: string; published: string; target: number }[];
  volumes?: { type: string; source: string; target: string; read_only?: boolean }[];
}
interface Project {
  services: Record<string, Service>;
}

/** The .env of docs/deployment.md's Docker Compose section, exactly as documented. */
function documentedEnv(): string {
  const docs = read('docs/deployment.md');
  const start = docs.indexOf("cat > .env <<'EOF'\n");
  expect(start).toBeGreaterThanOrEqual(0);
  const body = docs.slice(start + "cat > .env <<'EOF'\n".length);
  return body.slice(0, body.indexOf('\nEOF\n') + 1);
}

describe('docker-compose.yml', () => {
  let compose: string;
  let dir: string;
  beforeAll(() => {
    compose = tool('MARKET_TEST_DOCKER_COMPOSE', 'compose');
    dir = mkdtempSync(path.join(os.tmpdir(), 'market-compose-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `docker compose config` with this .env and nothing from the test's own environment. */
  function config(env: string, extra: NodeJS.ProcessEnv = {}) {
    const envFile = path.join(dir, `${Math.random().toString(36).slice(2)}.env`);
    writeFileSync(envFile, env);
    const result = run(
      compose,
      ['-f', path.join(root, 'docker-compose.yml'), '--env-file', envFile, 'config', '--format', 'json'],
      { env: { PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: dir, ...extra } },
    );
    return { ...result, project: result.status === 0 ? (JSON.parse(result.stdout) as Project) : null };
  }

  test('is Docker Compose v2 or later, the Go CLI', () => {
    const result = run(compose, ['version', '--short']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^v?([2-9]|\d\d)\.\d+\.\d+$/);
  });

  test('loads with the documented .env', () => {
    const result = config(documentedEnv());
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(Object.keys(result.project!.services).sort()).toEqual([
      'api',
      'elasticsearch',
      'migrate',
      'mysql',
      'redis',
      's3',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
    ]);
  });

  test('refuses to start without a required secret, naming it', () => {
    const env = documentedEnv()
      .split('\n')
      .filter((l) => !l.startsWith('S3_SECRET_KEY='))
      .join('\n');
    const result = config(env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('S3_SECRET_KEY');
  });

  test('uses only images that are published: no MinIO, no deprecated temporalio/auto-setup', () => {
    const { services } = config(documentedEnv()).project!;
    const images = Object.values(services).map((s) => s.image ?? '');
    expect(images.filter((i) => /minio|auto-setup/.test(i))).toEqual([]);
    expect(services.s3!.image).toMatch(/^andrewgaul\/s3proxy:\d+\.\d+\.\d+$/);
    expect(services.temporal!.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(services['temporal-schema']!.image).toMatch(/^temporalio\/admin-tools:/);
  });

  test('migrate waits for MySQL and a healthy S3 server (it creates the bucket)', () => {
    const { services } = config(documentedEnv()).project!;
    expect(services.migrate!.depends_on).toMatchObject({
      mysql: { condition: 'service_healthy' },
      s3: { condition: 'service_healthy' },
    });
    expect(services.s3!.healthcheck?.test?.length).toBeGreaterThan(1);
    expect(services.s3!.healthcheck?.disable).toBeFalsy();
  });

  test('Temporal: schema job, then the server, then the namespace, before the app', () => {
    const { services } = config(documentedEnv()).project!;
    expect(services.temporal!.depends_on).toMatchObject({
      'temporal-schema': { condition: 'service_completed_successfully' },
    });
    expect(services['temporal-schema']!.depends_on).toMatchObject({
      mysql: { condition: 'service_healthy' },
    });
    for (const name of ['api', 'worker', 'temporal-ui']) {
      expect([name, services[name]!.depends_on]).toEqual([
        name,
        expect.objectContaining({
          'temporal-namespace': expect.objectContaining({ condition: 'service_completed_successfully' }),
        }),
      ]);
    }
  });

  test('Temporal Web and S3 are published on 127.0.0.1 only; presigned URLs use the public S3 endpoint', () => {
    const { services } = config(documentedEnv()).project!;
    expect(services['temporal-ui']!.ports).toEqual([
      expect.objectContaining({ host_ip: '127.0.0.1', target: 8080 }),
    ]);
    expect(services.s3!.ports).toEqual([expect.objectContaining({ host_ip: '127.0.0.1', target: 9000 })]);
    for (const name of ['mysql', 'redis', 'elasticsearch', 'temporal'])
      expect(services[name]!.ports).toBeUndefined();
    expect(services.api!.environment).toMatchObject({
      S3_ENDPOINT: 'http://s3:9000',
      S3_PUBLIC_ENDPOINT: 'http://localhost:9000',
    });
  });

  test('Temporal TLS and API key pass through to every app container, certificates mounted read-only', () => {
    const env = `${documentedEnv()}TEMPORAL_ADDRESS=market.a1b2c.tmprl.cloud:7233
TEMPORAL_NAMESPACE=market.a1b2c
TEMPORAL_TLS=true
TEMPORAL_TLS_DIR=./temporal-tls
TEMPORAL_TLS_CERT_PATH=/etc/market/temporal-tls/tls.crt
TEMPORAL_TLS_KEY_PATH=/etc/market/temporal-tls/tls.key
TEMPORAL_TLS_CA_PATH=/etc/market/temporal-tls/ca.crt
TEMPORAL_TLS_SERVER_NAME=temporal.internal
TEMPORAL_API_KEY=key-123
`;
    const { services } = config(env).project!;
    for (const name of ['migrate', 'api', 'worker']) {
      const service = services[name]!;
      expect([name, service.environment]).toEqual([
        name,
        expect.objectContaining({
          TEMPORAL_ADDRESS: 'market.a1b2c.tmprl.cloud:7233',
          TEMPORAL_NAMESPACE: 'market.a1b2c',
          TEMPORAL_TLS: 'true',
          TEMPORAL_TLS_CERT_PATH: '/etc/market/temporal-tls/tls.crt',
          TEMPORAL_TLS_KEY_PATH: '/etc/market/temporal-tls/tls.key',
          TEMPORAL_TLS_CA_PATH: '/etc/market/temporal-tls/ca.crt',
          TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
          TEMPORAL_API_KEY: 'key-123',
        }),
      ]);
      expect(service.volumes).toEqual([
        expect.objectContaining({
          type: 'bind',
          source: path.join(root, 'temporal-tls'),
          target: '/etc/market/temporal-tls',
          read_only: true,
        }),
      ]);
    }
    // Unset: an empty named volume, nothing created on the host.
    const plain = config(documentedEnv()).project!;
    expect(plain.services.api!.volumes).toEqual([
      expect.objectContaining({ type: 'volume', target: '/etc/market/temporal-tls', read_only: true }),
    ]);
  });
});
