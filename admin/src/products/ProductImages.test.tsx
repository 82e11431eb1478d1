import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AdminContext, RecordContextProvider, TestMemoryRouter, testDataProvider } from 'react-admin';
import type { ProductImage } from '../data/types';
import { i18nProvider } from '../i18n';
import { MAX_IMAGE_BYTES } from './imageUpload';
import { ProductImages } from './ProductImages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const stored: ProductImage = {
  id: 12,
  alt: null,
  width: 800,
  height: 600,
  url: 'https://bucket.example/original',
  thumbnails: { small: 'https://bucket.example/thumb-200.webp', medium: 'm', large: 'l' },
};

function renderImages(images: ProductImage[] = []) {
  const api = {
    productImages: vi.fn(async () => ({ data: images })),
    requestImageUpload: vi.fn(async () => ({
      data: {
        uploadId: 'u-1',
        url: 'https://bucket.example/put',
        method: 'PUT',
        headers: {},
        expiresAt: '',
        maxBytes: 1,
      },
    })),
    confirmImageUpload: vi.fn(async () => {
      images.push(stored);
      return { data: stored };
    }),
    deleteProductImage: vi.fn(async () => ({ data: { id: 12 } })),
  };
  const put = vi.fn(async () => new Response(null, { status: 200 }));
  vi.stubGlobal('fetch', put);
  render(
    <TestMemoryRouter>
      <AdminContext dataProvider={{ ...testDataProvider(), ...api }} i18nProvider={i18nProvider}>
        <RecordContextProvider value={{ id: 4, title: 'Mug' }}>
          <ProductImages />
        </RecordContextProvider>
      </AdminContext>
    </TestMemoryRouter>,
  );
  return { api, put };
}

const choose = (file: File) =>
  fireEvent.change(screen.getByLabelText(/Add an image/), { target: { files: [file] } });

describe('ProductImages', () => {
  test('a file too large is refused in the live region, before any request', async () => {
    const { api, put } = renderImages();
    await screen.findByText('No images yet.');
    choose(new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], 'huge.jpg', { type: 'image/jpeg' }));
    expect(screen.getByRole('status').textContent).toMatch(/huge\.jpg is 5\.0 MB/);
    expect(api.requestImageUpload).not.toHaveBeenCalled();
    expect(put).not.toHaveBeenCalled();
  });

  test('an image is uploaded, announced and listed; the original stands in until its thumbnail exists', async () => {
    const { api, put } = renderImages();
    await screen.findByText('No images yet.');
    choose(new File([new Uint8Array(10)], 'mug.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/mug\.png added/));
    expect(api.requestImageUpload).toHaveBeenCalledWith(4, { contentType: 'image/png', contentLength: 10 });
    expect(put).toHaveBeenCalledWith(
      'https://bucket.example/put',
      expect.objectContaining({ method: 'PUT' }),
    );
    expect(api.confirmImageUpload).toHaveBeenCalledWith(4, { uploadId: 'u-1', alt: '' });

    const img = (await screen.findByAltText('Image 1')) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(stored.thumbnails.small);
    fireEvent.error(img); // the workflow has not made the thumbnail yet
    expect(img.getAttribute('src')).toBe(stored.url);
  });

  test('delete asks first, then announces', async () => {
    const { api } = renderImages([stored]);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete image 1' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Image 1 deleted.'));
    expect(api.deleteProductImage).toHaveBeenCalledWith(4, 12);
  });
});
