import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createActivities } from './index';

// The failing case is expected: keep the SDK's "Activity failed" warning out of the test output.
const quiet = { logger: new DefaultLogger('ERROR') };

describe('checkPlatform', () => {
  test('reports the database ok when it answers a ping', async () => {
    const ping = jest.fn(async () => undefined);
    const { checkPlatform } = createActivities({ db: { ping } });

    await expect(new MockActivityEnvironment(undefined, quiet).run(checkPlatform)).resolves.toEqual({
      database: 'ok',
    });
    expect(ping).toHaveBeenCalledTimes(1);
  });

  test('throws a retryable DatabaseUnavailable failure when the ping fails', async () => {
    const { checkPlatform } = createActivities({
      db: { ping: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:3306')) },
    });

    const error = await new MockActivityEnvironment(undefined, quiet)
      .run(checkPlatform)
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'DatabaseUnavailable', nonRetryable: false });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});
