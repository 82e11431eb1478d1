/** Which way a "Move earlier" / "Move later" button moves an image. */
export type MoveDirection = 'earlier' | 'later';

/** The list with the item at `index` swapped with its neighbour; null when it is already at that end. */
export function moved<T>(items: readonly T[], index: number, direction: MoveDirection): T[] | null {
  const target = direction === 'earlier' ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return null;
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** How a tile names its image in labels and announcements: "image 2 (Blue mug)". */
export const imageName = (position: number, alt: string | null) =>
  alt ? `image ${position} (${alt})` : `image ${position}`;
