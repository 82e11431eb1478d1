import ImageIcon from '@mui/icons-material/ImageOutlined';
import { Avatar } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext } from 'react-admin';
import { useMarketDataProvider } from '../common/useMarketDataProvider';

/**
 * The first image's small thumbnail. The admin product list carries no image, so each row asks
 * GET /api/admin/products/:id/images (cached for a few minutes; the URLs are presigned for an hour).
 */
export function ProductThumbnail({ size = 40 }: { size?: number; label?: string }) {
  const record = useRecordContext<{ id: number; title: string }>();
  const dataProvider = useMarketDataProvider();
  const { data } = useQuery({
    queryKey: ['products', 'images', record?.id],
    queryFn: () => dataProvider.productImages(record!.id),
    enabled: record !== undefined,
    staleTime: 5 * 60_000,
  });
  const image = data?.data[0];
  return (
    <Avatar
      variant="rounded"
      src={image?.thumbnails.small}
      alt={image?.alt ?? record?.title}
      sx={{ width: size, height: size }}
    >
      <ImageIcon />
    </Avatar>
  );
}
