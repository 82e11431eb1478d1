import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../app';
import { createTestDeps, type TestDeps } from '../testing/deps';
import { findAdminBuild } from './build';

// The back office's files as the API serves them, from a build folder made here (the real build is exercised by
// the browser tests).
let deps: TestDeps;
let app: Express;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'market-admin-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>market admin</title><div id="root"></div>',
  );
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("admin")');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  deps = await createTestDeps();
  app = createApp(deps, { admin: findAdminBuild(dir) });
});

afterAll(async () => {
  await deps.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the back office at /admin', () => {
  test('is found only where a build is', () => {
    expect(findAdminBuild(dir)).toEqual({ dir });
    expect(findAdminBuild(path.join(dir, 'assets'))).toBeNull();
  });

  test('/admin redirects to /admin/, which is the page, revalidated on every visit, under a strict CSP', async () => {
    const bare = await request(app).get('/admin');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/admin/');

    const page = await request(app).get('/admin/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('market admin');
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    // Presigned uploads go straight to the object store: the page may PUT there, and show its images.
    const storage = new URL(deps.config.storage.kind === 's3' ? deps.config.storage.endpoint! : 'http://x')
      .origin;
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${storage.replace(/[.]/g, '\\.')}`));
    expect(csp).toMatch(new RegExp(`img-src [^;]*${storage.replace(/[.]/g, '\\.')}`));
  });

  test('hashed assets are cached for a year; a missing one is a 404 problem, not the page', async () => {
    const asset = await request(app).get('/admin/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    const missing = await request(app).get('/admin/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(app).get('/admin/favicon.svg')).status).toBe(200);
  });

  test('leaves the API alone', async () => {
    const res = await request(app).get('/api/admin/users');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
