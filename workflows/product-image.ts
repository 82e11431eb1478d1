import { proxyActivities } from '@temporalio/workflow';
import type { Activities, GenerateThumbnailsResult } from '@market/activities';

export interface ProductImageInput {
  imageId: number;
  productId: number;
  /** The confirmed original, e.g. `products/42/<uuid>/original`. */
  originalKey: string;
}

export type ProductImageResult = GenerateThumbnailsResult;

const { generateThumbnails } = proxyActivities<Activities>({
  // Two sharp resizes of an image of at most a few megabytes: seconds, even on a busy worker.
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 10,
    nonRetryableErrorTypes: ['UnreadableImage', 'StorageNotConfigured'],
  },
});

/**
 * After an admin confirms an upload: the image's thumbnails are made and stored beside the original. Started by the
 * API with the workflow id `product-image-<upload uuid>`, so a repeated start for the same image is refused by Temporal.
 */
export async function productImageWorkflow(input: ProductImageInput): Promise<ProductImageResult> {
  return generateThumbnails({ originalKey: input.originalKey });
}
