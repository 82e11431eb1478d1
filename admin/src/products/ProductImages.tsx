import { ImageList, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import type { AdminProduct, ProductImage } from '../data/types';
import { type Announce, ImageUploadField } from './ImageUploadField';
import { ProductImageTile } from './ProductImageTile';
import { useMoveImage } from './useMoveImage';

/** How long after an upload the list re-fetches, so the workflow's thumbnail replaces the original's stand-in. */
const THUMBNAIL_WATCH_MS = 20_000;
const THUMBNAIL_POLL_MS = 3_000;

/**
 * The product's images in display order (the first is the main image): add (presigned upload), move earlier or
 * later, delete. Saved at once, apart from the product form.
 */
export function ProductImages() {
  const record = useRecordContext<AdminProduct>();
  const dataProvider = useMarketDataProvider();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<{ text: string; tone: 'info' | 'error' }>({ text: '', tone: 'info' });
  const [watchUntil, setWatchUntil] = useState(0);
  const [deleting, setDeleting] = useState<{ image: ProductImage; position: number } | null>(null);
  const queryKey = ['products', 'images', record?.id];
  const { data, isPending, dataUpdatedAt } = useQuery({
    queryKey,
    queryFn: () => dataProvider.productImages(record!.id),
    enabled: record !== undefined,
    refetchInterval: () => (Date.now() < watchUntil ? THUMBNAIL_POLL_MS : false),
  });
  const announce: Announce = (text, tone = 'info') => setStatus({ text, tone });
  const images = data?.data ?? [];
  const move = useMoveImage(record?.id, queryKey, images, announce);
  if (!record) return null;

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey });
    // The list's `thumbnail` column; not getOne, which would reset the product form under the user's edits.
    void queryClient.invalidateQueries({ queryKey: ['products', 'getList'] });
  };

  return (
    <Stack component="section" aria-labelledby="product-images-heading" spacing={2} sx={{ p: 2 }}>
      <Typography id="product-images-heading" variant="h6" component="h2">
        Images
      </Typography>
      {isPending ? null : images.length === 0 ? (
        <Typography variant="body2">No images yet.</Typography>
      ) : (
        <ImageList cols={4} rowHeight={120} gap={8} sx={{ maxWidth: 560, m: 0 }}>
          {images.map((image, index) => (
            <ProductImageTile
              key={image.id}
              image={image}
              position={index + 1}
              count={images.length}
              onMove={(target, direction) => void move(target, direction)}
              onDelete={(target) => setDeleting({ image: target, position: index + 1 })}
              fetchedAt={dataUpdatedAt}
            />
          ))}
        </ImageList>
      )}
      <ImageUploadField
        productId={record.id}
        announce={announce}
        onUploaded={() => {
          setWatchUntil(Date.now() + THUMBNAIL_WATCH_MS);
          changed();
        }}
      />
      <Typography
        role="status"
        aria-live="polite"
        variant="body2"
        color={status.tone === 'error' ? 'error' : 'text.secondary'}
        sx={{ minHeight: '1.5em' }}
      >
        {status.text}
      </Typography>
      <ActionDialog
        open={deleting !== null}
        title={`Delete image ${deleting?.position ?? ''}?`}
        confirmLabel="Delete"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await dataProvider.deleteProductImage(record.id, deleting.image.id);
          } catch (error) {
            announce(error instanceof Error ? error.message : 'The image could not be deleted.', 'error');
            throw error;
          }
          announce(`Image ${deleting.position} deleted.`);
          changed();
        }}
      >
        <Typography variant="body2">
          The image and its thumbnails are removed from the shop. This cannot be undone.
        </Typography>
      </ActionDialog>
    </Stack>
  );
}
