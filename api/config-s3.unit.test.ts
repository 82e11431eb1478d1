import { loadConfig } from './config';

// S3_PUBLIC_ENDPOINT: where browsers reach S3 when S3_ENDPOINT is a name only the servers resolve (docker compose,
// a cluster). The adapter's side is in adapters/storage/s3.unit.test.ts.
describe('S3_PUBLIC_ENDPOINT in the configuration', () => {
  test('reaches the storage settings, and only with S3', () => {
    const config = loadConfig({
      S3_BUCKET: 'market',
      S3_ENDPOINT: 'http://s3:9000',
      S3_PUBLIC_ENDPOINT: 'http://localhost:9000',
    });
    expect(config.storage).toMatchObject({
      kind: 's3',
      endpoint: 'http://s3:9000',
      publicEndpoint: 'http://localhost:9000',
    });
    expect(loadConfig({ S3_BUCKET: 'market' }).storage).not.toHaveProperty('publicEndpoint');
  });

  test('must be an http(s) URL', () => {
    expect(() => loadConfig({ S3_BUCKET: 'market', S3_PUBLIC_ENDPOINT: 'localhost:9000' })).toThrow(
      /S3_PUBLIC_ENDPOINT/,
    );
  });
});
