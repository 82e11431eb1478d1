import { ImageList, ImageListItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext } from 'react-admin';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

/** The product's images in display order (uploading is not in the admin yet: see README). */
export function ProductImages() {
  const record = useRecordContext<{ id: number }>();
  const dataProvider = useMarketDataProvider();
  const { data, isPending } = useQuery({
    queryKey: ['products', 'images', record?.id],
    queryFn: () => dataProvider.productImages(record!.id),
    enabled: record !== undefined,
  });
  if (isPending) return null;
  const images = data?.data ?? [];
  if (images.length === 0) return <Typography variant="body2">No images.</Typography>;
  return (
    <ImageList cols={4} rowHeight={120} sx={{ maxWidth: 560 }}>
      {images.map((image) => (
        <ImageListItem key={image.id}>
          <img
            src={image.thumbnails.small}
            alt={image.alt ?? ''}
            loading="lazy"
            style={{ objectFit: 'cover' }}
          />
        </ImageListItem>
      ))}
    </ImageList>
  );
}
