import DeleteIcon from '@mui/icons-material/DeleteOutline';
import EarlierIcon from '@mui/icons-material/ArrowBack';
import LaterIcon from '@mui/icons-material/ArrowForward';
import { IconButton, ImageListItem, ImageListItemBar } from '@mui/material';
import { useState } from 'react';
import type { ProductImage } from '../data/types';
import { imageName, type MoveDirection } from './imageOrder';

interface ProductImageTileProps {
  image: ProductImage;
  /** 1-based, for names: "Delete image 2". */
  position: number;
  /** How many images the product has: the last one cannot move later. */
  count: number;
  onDelete: (image: ProductImage) => void;
  onMove: (image: ProductImage, direction: MoveDirection) => void;
  /** When the list was last fetched: each fetch tries a missing thumbnail again. */
  fetchedAt: number;
}

/** The id of a tile's move button, so the list can put the focus back on it once the tile has moved. */
export const moveButtonId = (image: Pick<ProductImage, 'id'>, direction: MoveDirection) =>
  `image-${image.id}-move-${direction}`;

const white = { color: 'common.white', '&.Mui-disabled': { color: 'grey.600' } };

/**
 * One image by its small thumbnail. A workflow makes thumbnails a few seconds after the upload is confirmed, so
 * until then the thumbnail fails and the original stands in; the list re-fetches meanwhile, and each fetch makes
 * the tile try the thumbnail again. Not a new URL: an image's links stay the same all hour (so browsers cache them).
 */
export function ProductImageTile({
  image,
  position,
  count,
  onDelete,
  onMove,
  fetchedAt,
}: ProductImageTileProps) {
  const [failedAt, setFailedAt] = useState<number | null>(null);
  const thumbnail = image.thumbnails.small;
  const standIn = failedAt === fetchedAt;
  const src = standIn ? image.url : thumbnail;
  const name = imageName(position, image.alt);
  return (
    <ImageListItem>
      <img
        src={src}
        alt={image.alt ?? `Image ${position}`}
        loading="lazy"
        style={{ objectFit: 'cover', height: 120 }}
        onError={() => {
          if (!standIn) setFailedAt(fetchedAt);
        }}
      />
      <ImageListItemBar
        title={position === 1 ? 'Main image' : `Image ${position}`}
        actionIcon={
          <>
            <IconButton
              id={moveButtonId(image, 'earlier')}
              aria-label={`Move ${name} earlier`}
              title={`Move ${name} earlier`}
              disabled={position === 1}
              onClick={() => onMove(image, 'earlier')}
              size="small"
              sx={white}
            >
              <EarlierIcon fontSize="small" />
            </IconButton>
            <IconButton
              id={moveButtonId(image, 'later')}
              aria-label={`Move ${name} later`}
              title={`Move ${name} later`}
              disabled={position === count}
              onClick={() => onMove(image, 'later')}
              size="small"
              sx={white}
            >
              <LaterIcon fontSize="small" />
            </IconButton>
            <IconButton
              aria-label={`Delete ${name}`}
              title={`Delete ${name}`}
              onClick={() => onDelete(image)}
              size="small"
              sx={white}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </>
        }
      />
    </ImageListItem>
  );
}
