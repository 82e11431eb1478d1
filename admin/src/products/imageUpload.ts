import type { MarketActions } from '../data/dataProvider';
import type { ProductImage } from '../data/types';

/**
 * The API's limits (api/routes/admin/product-images/schema.ts IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES), checked here
 * first so a wrong file costs no request. The API checks again (slot request and confirmation) and stays the judge.
 */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Why this file cannot be a product image, in words for the person who chose it; null when it can. */
export function imageFileProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  if (!(IMAGE_CONTENT_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a JPEG, PNG or WebP image.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMAGE_BYTES) {
    const mib = (file.size / 1024 / 1024).toFixed(1);
    return `${file.name} is ${mib} MB; images may be at most 5 MB.`;
  }
  return null;
}

export class ImageUploadError extends Error {}

export interface UploadDeps {
  api: Pick<MarketActions, 'requestImageUpload' | 'confirmImageUpload'>;
  /** The browser's fetch: the PUT goes straight to storage, without the API's bearer token. */
  fetch: typeof fetch;
}

/**
 * The presigned flow of docs/images.md: ask the API for an upload slot, PUT the file to its URL with exactly its
 * headers, then confirm. Throws an ImageUploadError with readable words; API refusals keep their own message.
 */
export async function uploadProductImage(
  deps: UploadDeps,
  productId: number,
  file: File,
  alt?: string,
): Promise<ProductImage> {
  const problem = imageFileProblem(file);
  if (problem) throw new ImageUploadError(problem);
  const { data: slot } = await deps.api.requestImageUpload(productId, {
    contentType: file.type,
    contentLength: file.size,
  });
  let response: Response;
  try {
    response = await deps.fetch(slot.url, { method: slot.method, headers: slot.headers, body: file });
  } catch {
    throw new ImageUploadError(`${file.name} could not be sent to the image storage (network or CORS).`);
  }
  if (!response.ok) {
    throw new ImageUploadError(`The image storage refused ${file.name} (HTTP ${response.status}).`);
  }
  const { data } = await deps.api.confirmImageUpload(productId, {
    uploadId: slot.uploadId,
    alt: alt?.trim(),
  });
  return data;
}
