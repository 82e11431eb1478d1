import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import type { ProductImage } from '../data/types';
import type { Announce } from './ImageUploadField';
import { imageName, type MoveDirection, moved } from './imageOrder';
import { moveButtonId } from './ProductImageTile';

const orderKey = (images: readonly Pick<ProductImage, 'id'>[]) => images.map((image) => image.id).join(',');

/**
 * Moves an image one place earlier or later: shown at once, saved as the whole new order (PUT …/images/order), put
 * back if the API refuses. The outcome is announced, and the focus stays on the button that was pressed (or its
 * twin, when the image reached an end and that button is disabled), so the keyboard can keep moving it.
 */
export function useMoveImage(
  productId: number | undefined,
  queryKey: QueryKey,
  images: readonly ProductImage[],
  announce: Announce,
) {
  const dataProvider = useMarketDataProvider();
  const queryClient = useQueryClient();
  const busy = useRef(false);
  // Where the focus goes once the tiles show `order` (moving a node out of the DOM and back blurs it).
  const [focus, setFocus] = useState<{ id: string; twin: string; order: string } | null>(null);
  const order = orderKey(images);

  useEffect(() => {
    if (!focus || focus.order !== order) return;
    const pressed = document.getElementById(focus.id) as HTMLButtonElement | null;
    (pressed && !pressed.disabled ? pressed : document.getElementById(focus.twin))?.focus();
    setFocus(null);
  }, [focus, order]);

  return async (image: ProductImage, direction: MoveDirection) => {
    // One move at a time: each sends the whole order, so a second one must start from the first's result.
    if (productId === undefined || busy.current) return;
    const from = images.findIndex((i) => i.id === image.id);
    const next = moved(images, from, direction);
    if (!next) return;
    busy.current = true;
    const before = queryClient.getQueryData(queryKey);
    queryClient.setQueryData(queryKey, { data: next });
    const twin: MoveDirection = direction === 'earlier' ? 'later' : 'earlier';
    setFocus({
      id: moveButtonId(image, direction),
      twin: moveButtonId(image, twin),
      order: orderKey(next),
    });
    try {
      const saved = await dataProvider.reorderProductImages(
        productId,
        next.map((i) => i.id),
      );
      // Keep the shown tiles (and their loaded thumbnails) unless the API answered another order.
      if (orderKey(saved.data) !== orderKey(next)) queryClient.setQueryData(queryKey, saved);
      const to = next.findIndex((i) => i.id === image.id) + 1;
      announce(`Moved ${imageName(from + 1, image.alt)} to position ${to} of ${next.length}.`);
      // The list's `thumbnail` column is the first image's.
      void queryClient.invalidateQueries({ queryKey: ['products', 'getList'] });
    } catch (error) {
      setFocus(null);
      queryClient.setQueryData(queryKey, before);
      void queryClient.invalidateQueries({ queryKey });
      announce(error instanceof Error ? error.message : 'The images could not be reordered.', 'error');
    } finally {
      busy.current = false;
    }
  };
}
