import { createApp } from '../app';
import { createTestDeps, type TestDeps } from './deps';
import { createTestUser, type TestUser } from './users';

export interface AdminApp {
  deps: TestDeps;
  app: ReturnType<typeof createApp>;
  admin: TestUser;
}

/**
 * Registers the beforeAll/afterAll every admin route suite needs: real deps from the test stack, the app, and a
 * signed-in admin. The fields are filled once beforeAll has run; deps are closed after the suite.
 */
export function useAdminApp(): AdminApp {
  const ctx = {} as AdminApp;
  beforeAll(async () => {
    ctx.deps = await createTestDeps();
    ctx.app = createApp(ctx.deps);
    ctx.admin = await createTestUser(ctx.deps, { role: 'admin' });
  });
  afterAll(async () => {
    await ctx.deps.close();
  });
  return ctx;
}
