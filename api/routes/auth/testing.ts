import { randomInt } from 'node:crypto';
import { Agent } from 'node:http';
import type { Express } from 'express';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../testing/deps';

export async function createAuthTestApp(): Promise<{ deps: TestDeps; app: Express }> {
  const deps = await createTestDeps();
  return { deps, app: createApp(deps) };
}

/**
 * Rate limits count per client IP in Redis, which every test file and every concurrent test run shares, while
 * supertest connects from 127.0.0.1. So each auth test is its own client: its requests leave from a random
 * loopback address (Linux routes all of 127.0.0.0/8 to lo), and the limits count for real under the default
 * configuration without counters leaking between tests. Use with supertest's `.agent(fromClient(ip))`.
 */
export const clientIp = (): string => `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`;
export const fromClient = (ip = clientIp()): Agent => new Agent({ localAddress: ip });

/** A problem+json answer with this status and code. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: unknown },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}
