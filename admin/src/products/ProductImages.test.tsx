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
  vi.restoreAllMocks();
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
    reorderProductImages: vi.fn(async (_productId: number, ids: number[]) => ({
      data: ids.map((id) => images.find((image) => image.id === id)!),
    })),
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
    // The list is fetched again while the workflow runs: the same thumbnail URL (stable all hour) is tried again.
    const fetches = api.productImages.mock.calls.length;
    await vi.waitFor(() => expect(api.productImages.mock.calls.length).toBeGreaterThan(fetches), {
      timeout: 5_000,
    });
    await vi.waitFor(() => expect(img.getAttribute('src')).toBe(stored.thumbnails.small));
  });

  test('move later: saved as the whole order, announced, the focus kept on the moved image', async () => {
    const second: ProductImage = { ...stored, id: 13, alt: 'Blue mug' };
    const { api } = renderImages([stored, second]);
    const earlier = await screen.findByRole('button', { name: 'Move image 1 earlier' });
    expect((earlier as HTMLButtonElement).disabled).toBe(true); // already first
    expect(
      (screen.getByRole('button', { name: 'Move image 2 (Blue mug) later' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move image 1 later' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Moved image 1 to position 2 of 2.'),
    );
    expect(api.reorderProductImages).toHaveBeenCalledWith(4, [13, 12]);
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('alt'))).toEqual(['Blue mug', 'Image 2']);
    // It is last now, so "later" is disabled: the focus moves to its "earlier" button, ready to move it back.
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move image 2 earlier' })),
    );
  });

  test('a refused move is put back and the reason announced', async () => {
    const second: ProductImage = { ...stored, id: 13 };
    const { api } = renderImages([stored, second]);
    api.reorderProductImages.mockRejectedValueOnce(new Error('Images of this product left out: 14'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs a failed call
    fireEvent.click(await screen.findByRole('button', { name: 'Move image 2 earlier' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Images of this product left out: 14'),
    );
    expect(api.reorderProductImages).toHaveBeenCalledWith(4, [13, 12]);
    expect((screen.getByRole('button', { name: 'Move image 1 earlier' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(api.productImages.mock.calls.length).toBeGreaterThan(1); // re-read after the refusal
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
