import ImageIcon from '@mui/icons-material/ImageOutlined';
import { Avatar } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AdminProduct } from '../data/types';

/**
 * The first image's small thumbnail, from the product record itself (the API presents `thumbnail` on list and
 * detail alike, so a list page makes no request per row). Decorative next to the title, hence the empty alt.
 */
export function ProductThumbnail({ size = 40 }: { size?: number; label?: string }) {
  const record = useRecordContext<AdminProduct>();
  return (
    <Avatar
      variant="rounded"
      src={record?.thumbnail ?? undefined}
      alt=""
      slotProps={{ img: { loading: 'lazy' } }}
      sx={{ width: size, height: size }}
    >
      <ImageIcon aria-hidden />
    </Avatar>
  );
}
