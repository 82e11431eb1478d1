import { randomUUID } from 'node:crypto';
import { imagePrefix, prefixOfImage } from '@market/activities/image-keys';
import type { Product, ProductImage } from '@market/db';
import { type productImageWorkflow, workflowTypes } from '@market/workflows/definitions';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { AppError, ConflictError, NotFoundError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { presentImage } from '../../../presenters/product-image';
import { catalogChanged } from '../../../services/catalog-events';
import { imageDimensions, sniffImageType } from './inspect';
import { reorderImages } from './reorder';
import {
  confirmUploadBody,
  IMAGE_CONTENT_TYPES,
  type ImageContentType,
  imageParams,
  MAX_IMAGE_BYTES,
  productImageSchema,
  productParams,
  reorderImagesBody,
  requestUploadBody,
  UPLOAD_URL_SECONDS,
  uploadSlotSchema,
} from './schema';

const tags = ['Admin: product images'];

const FLOW =
  'Uploading an image takes three calls: (1) `POST /api/admin/products/{id}/images/uploads` with the file’s ' +
  'content type and exact size returns a presigned URL; (2) the client PUTs the file there with exactly the ' +
  'returned headers and no Authorization header (S3, or the API’s own storage route on the embedded default); ' +
  '(3) `POST /api/admin/products/{id}/images {uploadId}` confirms it. Only the confirmation creates the image; ' +
  'see docs/images.md.';

/** A file that is not an acceptable image: a 422 whose code says why. The upload is deleted before this is thrown. */
class ImageRejectedError extends AppError {
  constructor(code: string, detail: string) {
    super(422, code, 'Image rejected', detail);
  }
}

const originalKey = (productId: number, uploadId: string) => `${imagePrefix(productId, uploadId)}original`;
/**
 * One thumbnail workflow per image, named by the image's upload uuid (its storage key is
 * `products/<id>/<uuid>/original`): unique across databases sharing a Temporal namespace, unlike the row id.
 */
export const workflowIdOf = (image: Pick<ProductImage, 'storageKey'>) =>
  `product-image-${image.storageKey.split('/')[2]}`;

async function findProduct(deps: AppDeps, id: number): Promise<Product> {
  const product = await deps.db.models.Product.findByPk(id);
  if (!product) throw new NotFoundError('There is no product with this id.');
  return product;
}

export const requestImageUpload = defineRoute({
  method: 'post',
  access: 'catalog.write',
  path: '/api/admin/products/:id/images/uploads',
  summary: 'Request an upload URL for a new product image (step 1 of 3)',
  description:
    FLOW +
    ` Accepted types: ${IMAGE_CONTENT_TYPES.join(', ')}; at most ${MAX_IMAGE_BYTES} bytes. The URL expires after ` +
    `${UPLOAD_URL_SECONDS / 60} minutes and takes exactly \`contentLength\` bytes of \`contentType\`.`,
  tags,
  status: 201,
  request: { params: productParams, body: requestUploadBody },
  responses: {
    201: { description: 'Where and how to PUT the file', schema: uploadSlotSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such product' },
    422: { description: 'A type that is not accepted, or a file larger than the limit' },
  },
  handler: async ({ input, deps }) => {
    const product = await findProduct(deps, input.params.id);
    const uploadId = randomUUID();
    const slot = await deps.storage.presignPut(originalKey(product.id, uploadId), {
      contentType: input.body.contentType,
      contentLength: input.body.contentLength,
      maxBytes: MAX_IMAGE_BYTES,
      expiresInSeconds: UPLOAD_URL_SECONDS,
    });
    return { uploadId, ...slot, expiresAt: slot.expiresAt.toISOString(), maxBytes: MAX_IMAGE_BYTES };
  },
});

/** Checks the uploaded object; on any problem deletes it (and anything else under its prefix) and throws a 422. */
async function inspectUpload(
  deps: AppDeps,
  key: string,
): Promise<{ contentType: ImageContentType; width: number; height: number }> {
  const reject = async (code: string, detail: string): Promise<never> => {
    await deps.storage.deletePrefix(prefixOfImage(key));
    throw new ImageRejectedError(code, detail);
  };
  // A presigned S3 PUT cannot limit the size by itself: the object's real size is checked here.
  const info = await deps.storage.head(key);
  if (!info) throw new ImageRejectedError('upload_not_found', 'Nothing was uploaded for this uploadId.');
  if (info.size > MAX_IMAGE_BYTES) {
    return reject(
      'image_too_large',
      `The file has ${info.size} bytes; at most ${MAX_IMAGE_BYTES} are accepted.`,
    );
  }
  const object = await deps.storage.get(key);
  if (!object) throw new ImageRejectedError('upload_not_found', 'Nothing was uploaded for this uploadId.');
  const sniffed = sniffImageType(object.body);
  if (!sniffed || sniffed !== info.contentType) {
    return reject(
      'image_type_mismatch',
      `The file was uploaded as ${info.contentType} but its content is ${sniffed ?? 'not a JPEG, PNG or WebP image'}.`,
    );
  }
  const dimensions = await imageDimensions(object.body, sniffed);
  if (!dimensions) return reject('image_unreadable', 'The file cannot be read as an image.');
  return { contentType: sniffed, ...dimensions };
}

export const confirmImageUpload = defineRoute({
  method: 'post',
  access: 'catalog.write',
  path: '/api/admin/products/:id/images',
  summary: 'Confirm an uploaded image (step 3 of 3)',
  description:
    FLOW +
    ' The confirmation checks the stored file: its size, and its first bytes (magic bytes) against the declared ' +
    'type. A file that fails is deleted and nothing is recorded (422). Otherwise the image is added after the ' +
    'product’s other images and a workflow makes its thumbnails (200 and 800 pixels wide, WebP) in the background.',
  tags,
  status: 201,
  request: { params: productParams, body: confirmUploadBody },
  responses: {
    201: { description: 'The new image', schema: productImageSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such product' },
    409: { description: 'This upload was confirmed already' },
    422: {
      description:
        'Nothing uploaded (`upload_not_found`), too large (`image_too_large`), content not of the declared image ' +
        'type (`image_type_mismatch`), or not decodable (`image_unreadable`)',
    },
  },
  handler: async ({ input, deps }) => {
    const product = await findProduct(deps, input.params.id);
    const key = originalKey(product.id, input.body.uploadId);
    const { ProductImage } = deps.db.models;
    if (await ProductImage.findOne({ where: { storageKey: key } })) {
      throw new ConflictError('This upload is an image already.', 'image_exists');
    }
    const { contentType, width, height } = await inspectUpload(deps, key);
    const image = await deps.db.sequelize.transaction(async (transaction) => {
      const last = await ProductImage.max<number | null, ProductImage>('position', {
        where: { productId: product.id },
        transaction,
      });
      const created = await ProductImage.create(
        {
          productId: product.id,
          storageKey: key,
          contentType,
          width,
          height,
          position: (last ?? -1) + 1,
          alt: input.body.alt || null,
        },
        { transaction },
      );
      // Inside the transaction: if Temporal refuses the start, no image is left without its thumbnails.
      await deps.temporal.client.workflow.start<typeof productImageWorkflow>(workflowTypes.productImage, {
        taskQueue: deps.temporal.taskQueue,
        workflowId: workflowIdOf(created),
        args: [{ imageId: created.id, productId: product.id, originalKey: key }],
      });
      return created;
    });
    await catalogChanged(deps, { productIds: [product.id] });
    return presentImage(deps, image);
  },
});

export const listProductImages = defineRoute({
  method: 'get',
  access: 'catalog.write',
  path: '/api/admin/products/:id/images',
  summary: 'A product’s images, in display order',
  tags,
  request: { params: productParams },
  responses: {
    200: { description: 'The images', schema: z.array(productImageSchema) },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such product' },
  },
  handler: async ({ input, deps }) => {
    const product = await findProduct(deps, input.params.id);
    const images = await deps.db.models.ProductImage.findAll({
      where: { productId: product.id },
      order: [
        ['position', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    return Promise.all(images.map((image) => presentImage(deps, image)));
  },
});

export const reorderProductImages = defineRoute({
  method: 'put',
  access: 'catalog.write',
  path: '/api/admin/products/:id/images/order',
  summary: 'Put a product’s images in a new order',
  description:
    'The body lists every image id of the product exactly once, first image first; the images take positions ' +
    '0, 1, 2… in that order, all at once. The first image is the product’s thumbnail in lists and the shop.',
  tags,
  request: { params: productParams, body: reorderImagesBody },
  responses: {
    200: { description: 'The images, in their new order', schema: z.array(productImageSchema) },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such product' },
    422: {
      description:
        '`validation_failed`; each entry of `errors` (path `body.imageIds`) names the ids: listed twice ' +
        '(`duplicate_image`), not of this product (`unknown_image`), or left out (`missing_image`)',
    },
  },
  handler: async ({ input, deps }) => {
    const images = await reorderImages(deps, input.params.id, input.body.imageIds);
    return Promise.all(images.map((image) => presentImage(deps, image)));
  },
});

export const deleteProductImage = defineRoute({
  method: 'delete',
  access: 'catalog.write',
  path: '/api/admin/products/:id/images/:imageId',
  summary: 'Delete a product image and every stored object of it (original and thumbnails)',
  tags,
  request: { params: imageParams },
  responses: {
    204: { description: 'Deleted' },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such image of this product' },
  },
  handler: async ({ input, deps }) => {
    const image = await deps.db.models.ProductImage.findOne({
      where: { id: input.params.imageId, productId: input.params.id },
    });
    if (!image) throw new NotFoundError('This product has no image with this id.');
    // A thumbnail workflow still running would write objects after the delete below.
    await deps.temporal.client.workflow
      .getHandle(workflowIdOf(image))
      .terminate('image deleted')
      .catch(() => undefined); // finished long ago, as a rule: nothing to stop
    await deps.db.sequelize.transaction(async (transaction) => {
      await image.destroy({ transaction });
      // In the transaction: if the storage fails, the row stays and the delete can be retried.
      await deps.storage.deletePrefix(prefixOfImage(image.storageKey));
    });
    await catalogChanged(deps, { productIds: [image.productId] });
  },
});

export const productImageRoutes = [
  requestImageUpload,
  confirmImageUpload,
  listProductImages,
  reorderProductImages,
  deleteProductImage,
];
