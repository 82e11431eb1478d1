import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { IconButton, ImageListItem, ImageListItemBar } from '@mui/material';
import { useState } from 'react';
import type { ProductImage } from '../data/types';

interface ProductImageTileProps {
  image: ProductImage;
  /** 1-based, for names: "Delete image 2". */
  position: number;
  onDelete: (image: ProductImage) => void;
}

/**
 * One image by its small thumbnail. A workflow makes thumbnails a few seconds after the upload is confirmed, so
 * until then the thumbnail URL fails and the original stands in; the list re-fetches meanwhile, and fresh
 * (re-signed) URLs make the tile try the thumbnail again.
 */
export function ProductImageTile({ image, position, onDelete }: ProductImageTileProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const thumbnail = image.thumbnails.small;
  const src = failed === thumbnail ? image.url : thumbnail;
  const name = image.alt ? `image ${position} (${image.alt})` : `image ${position}`;
  return (
    <ImageListItem>
      <img
        src={src}
        alt={image.alt ?? `Image ${position}`}
        loading="lazy"
        style={{ objectFit: 'cover', height: 120 }}
        onError={() => {
          if (src === thumbnail) setFailed(thumbnail);
        }}
      />
      <ImageListItemBar
        title={position === 1 ? 'Main image' : `Image ${position}`}
        actionIcon={
          <IconButton
            aria-label={`Delete ${name}`}
            title={`Delete ${name}`}
            onClick={() => onDelete(image)}
            sx={{ color: 'common.white' }}
          >
            <DeleteIcon />
          </IconButton>
        }
      />
    </ImageListItem>
  );
}
