import { describe, expect, test, vi } from 'vitest';
import type { ImageUploadSlot, ProductImage } from '../data/types';
import { imageFileProblem, MAX_IMAGE_BYTES, uploadProductImage } from './imageUpload';

const slot: ImageUploadSlot = {
  uploadId: '0b5c1f7e-2f57-4c7a-9a55-5d0f6f3b9c11',
  url: 'https://bucket.example/products/4/0b5c/original?X-Amz-Signature=abc',
  method: 'PUT',
  headers: { 'Content-Type': 'image/png' },
  expiresAt: '2026-01-01T00:15:00.000Z',
  maxBytes: MAX_IMAGE_BYTES,
};

const image: ProductImage = {
  id: 12,
  alt: 'A red mug',
  width: 800,
  height: 600,
  url: 'https://bucket.example/original',
  thumbnails: { small: 's', medium: 'm', large: 'l' },
};

const fileOf = (type: string, size: number, name = 'mug.png') =>
  new File([new Uint8Array(size)], name, { type });

/** A fake API and storage that record the order of the three calls. */
function fakeFlow(put: () => Response = () => new Response(null, { status: 200 })) {
  const steps: string[] = [];
  const api = {
    requestImageUpload: vi.fn(async (productId: number, body: object) => {
      steps.push(`slot ${productId} ${JSON.stringify(body)}`);
      return { data: slot };
    }),
    confirmImageUpload: vi.fn(async (productId: number, body: object) => {
      steps.push(`confirm ${productId} ${JSON.stringify(body)}`);
      return { data: image };
    }),
  };
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    steps.push(`${init?.method} ${String(url)}`);
    return put();
  });
  return { api, fetch: fetch as unknown as typeof globalThis.fetch, fetchMock: fetch, steps };
}

describe('uploadProductImage', () => {
  test('asks for a slot, PUTs the file there with exactly its headers, then confirms', async () => {
    const flow = fakeFlow();
    const file = fileOf('image/png', 1234);
    await expect(uploadProductImage(flow, 4, file, '  A red mug ')).resolves.toEqual(image);
    expect(flow.steps).toEqual([
      'slot 4 {"contentType":"image/png","contentLength":1234}',
      `PUT ${slot.url}`,
      `confirm 4 {"uploadId":"${slot.uploadId}","alt":"A red mug"}`,
    ]);
    const init = flow.fetchMock.mock.calls[0]![1]!;
    expect(init.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(init.body).toBe(file);
  });

  test.each([
    ['a type the API refuses', fileOf('image/gif', 100, 'anim.gif'), /anim\.gif is not a JPEG, PNG or WebP/],
    [
      'a file over 5 MiB',
      fileOf('image/jpeg', MAX_IMAGE_BYTES + 1, 'big.jpg'),
      /big\.jpg is 5\.0 MB; .* at most 5 MB/,
    ],
    ['an empty file', fileOf('image/webp', 0, 'empty.webp'), /empty\.webp is empty/],
  ])('refuses %s before any request', async (_, file, message) => {
    const flow = fakeFlow();
    await expect(uploadProductImage(flow, 4, file)).rejects.toThrow(message);
    expect(flow.steps).toEqual([]);
  });

  test('a file of exactly 5 MiB is accepted', () => {
    expect(imageFileProblem(fileOf('image/jpeg', MAX_IMAGE_BYTES))).toBeNull();
  });

  test('a PUT the storage refuses is not confirmed', async () => {
    const flow = fakeFlow(() => new Response(null, { status: 403 }));
    await expect(uploadProductImage(flow, 4, fileOf('image/png', 10))).rejects.toThrow(
      'The image storage refused mug.png (HTTP 403).',
    );
    expect(flow.api.confirmImageUpload).not.toHaveBeenCalled();
  });

  test('a PUT that cannot be sent (network, CORS) is not confirmed', async () => {
    const flow = fakeFlow(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(uploadProductImage(flow, 4, fileOf('image/png', 10))).rejects.toThrow(/network or CORS/);
    expect(flow.api.confirmImageUpload).not.toHaveBeenCalled();
  });

  test("the API's refusal of the confirmation keeps its own words", async () => {
    const flow = fakeFlow();
    flow.api.confirmImageUpload.mockRejectedValueOnce(
      new Error('The file was uploaded as image/png but its content is not a JPEG, PNG or WebP image.'),
    );
    await expect(uploadProductImage(flow, 4, fileOf('image/png', 10))).rejects.toThrow(
      /uploaded as image\/png/,
    );
  });
});
