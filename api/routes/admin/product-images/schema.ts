import { z } from 'zod';
import { idParams, idSchema } from '../simple-rest';
import { thumbnailsSchema } from '../../catalog/schema';

/** The image types a product may have; anything else is refused at the slot request and again on confirm. */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** The largest original accepted, in bytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** How long an upload URL works. */
export const UPLOAD_URL_SECONDS = 15 * 60;

export const productParams = idParams;

export const imageParams = z.object({ id: idSchema, imageId: idSchema }).strict();

export const requestUploadBody = z
  .object({
    contentType: z.enum(IMAGE_CONTENT_TYPES).meta({ description: 'The Content-Type the upload will carry' }),
    contentLength: z
      .number()
      .int()
      .min(1)
      .max(MAX_IMAGE_BYTES)
      .meta({ description: `The exact size of the file in bytes, at most ${MAX_IMAGE_BYTES} (5 MiB)` }),
  })
  .strict();

export const uploadSlotSchema = z
  .object({
    uploadId: z.uuid().meta({ description: 'Send it to POST …/images once the upload is done' }),
    url: z.string().meta({ description: 'PUT the file here, without an Authorization header' }),
    method: z.literal('PUT'),
    headers: z
      .record(z.string(), z.string())
      .meta({ description: 'Send exactly these headers with the PUT' }),
    expiresAt: z.string().meta({ description: 'ISO 8601; the URL is refused after it' }),
    maxBytes: z.number().int(),
  })
  .meta({ id: 'ImageUploadSlot' });

export const confirmUploadBody = z
  .object({
    uploadId: z.uuid(),
    alt: z.string().trim().max(255).optional().meta({ description: 'Text alternative for screen readers' }),
  })
  .strict();

/** More than any product has; bounds the body's size. */
export const MAX_IMAGES_IN_ORDER = 500;

export const reorderImagesBody = z
  .object({
    imageIds: z
      .array(idSchema)
      .max(MAX_IMAGES_IN_ORDER)
      .meta({ description: 'Every image id of the product, each once, first image first' }),
  })
  .strict();

export const productImageSchema = z
  .object({
    id: z.number().int(),
    alt: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    url: z.string().meta({ description: 'Presigned GET URL of the original; expires after an hour' }),
    thumbnails: thumbnailsSchema,
  })
  .meta({ id: 'ProductImage' });
