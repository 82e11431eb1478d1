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
}

/** The id of a tile's move button, so the list can put the focus back on it once the tile has moved. */
export const moveButtonId = (image: Pick<ProductImage, 'id'>, direction: MoveDirection) =>
  `image-${image.id}-move-${direction}`;

const white = { color: 'common.white', '&.Mui-disabled': { color: 'grey.600' } };

/**
 * One image by its small thumbnail. A workflow makes thumbnails a few seconds after the upload is confirmed, so
 * until then the thumbnail URL fails and the original stands in; the list re-fetches meanwhile, and fresh
 * (re-signed) URLs make the tile try the thumbnail again.
 */
export function ProductImageTile({ image, position, count, onDelete, onMove }: ProductImageTileProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const thumbnail = image.thumbnails.small;
  const src = failed === thumbnail ? image.url : thumbnail;
  const name = imageName(position, image.alt);
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
