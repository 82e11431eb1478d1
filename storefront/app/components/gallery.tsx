import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { GALLERY_SIZES, imageSources } from '~/lib/image-sources';
import type { Thumbnails } from '~/lib/types';

export interface GalleryImage {
  url: string;
  alt: string | null;
  width: number | null;
  height: number | null;
  thumbnails?: Thumbnails;
}

interface Props {
  images: GalleryImage[];
  title: string;
  /** From `?image=` so the thumbnails work as plain links without JavaScript. */
  initialIndex?: number;
}

/**
 * The product's images: a large one and thumbnails. Each thumbnail is a link to `?image=N` (a full page without
 * JavaScript); with JavaScript it switches the image in place, and the arrow keys move between thumbnails.
 */
export function Gallery({ images, title, initialIndex = 0 }: Props) {
  const [index, setIndex] = useState(initialIndex < images.length ? initialIndex : 0);
  const thumbs = useRef<(HTMLAnchorElement | null)[]>([]);
  const current = images[index];

  if (!current) {
    return (
      <div className="flex aspect-square items-center justify-center rounded-lg bg-slate-100 text-slate-700">
        No image yet
      </div>
    );
  }

  const select = (next: number, focus = false) => {
    const wrapped = (next + images.length) % images.length;
    setIndex(wrapped);
    if (focus) thumbs.current[wrapped]?.focus();
  };
  const onClick = (event: MouseEvent, i: number) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    select(i);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: images.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  };

  return (
    <div id="gallery">
      <div className="aspect-square overflow-hidden rounded-lg bg-slate-100">
        <img
          {...imageSources(current.url, current.thumbnails)}
          sizes={GALLERY_SIZES}
          alt={current.alt ?? title}
          width={current.width ?? 800}
          height={current.height ?? 800}
          loading="eager"
          fetchPriority="high"
          decoding="async"
          className="h-full w-full object-contain"
        />
      </div>
      {current.thumbnails ? (
        <p className="mt-2 text-right text-sm">
          <a href={current.url} className="btn-link" target="_blank" rel="noopener">
            View full size<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      {images.length > 1 ? (
        <>
          <p className="sr-only" aria-live="polite">
            {`Image ${index + 1} of ${images.length}`}
          </p>
          <ul
            className="mt-3 flex gap-2 overflow-x-auto p-1"
            aria-label="Product images"
            onKeyDown={onKeyDown}
          >
            {images.map((image, i) => (
              <li key={image.url} className="shrink-0">
                <a
                  ref={(el) => {
                    thumbs.current[i] = el;
                  }}
                  href={`?image=${i}#gallery`}
                  onClick={(event) => onClick(event, i)}
                  aria-current={i === index ? 'true' : undefined}
                  aria-label={`Show image ${i + 1} of ${images.length}${image.alt ? `: ${image.alt}` : ''}`}
                  className={`block h-16 w-16 overflow-hidden rounded-md border-2 sm:h-20 sm:w-20 ${
                    i === index ? 'border-brand-700' : 'border-transparent hover:border-slate-400'
                  }`}
                >
                  <img
                    src={image.thumbnails?.small ?? image.url}
                    alt=""
                    width={80}
                    height={80}
                    loading="lazy"
                    decoding="async"
                    className="h-full w-full object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
