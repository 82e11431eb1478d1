import { describe, expect, it } from 'vitest';
import { imageSources } from './image-sources';

describe('imageSources', () => {
  it('offers the 400 and 800 pixel thumbnails, the 400 one as the fallback', () => {
    expect(imageSources('/o.jpg', { small: '/s.webp', medium: '/m.webp', large: '/l.webp' })).toEqual({
      src: '/m.webp',
      srcSet: '/m.webp 400w, /l.webp 800w',
    });
  });

  it('falls back to the original when there are no thumbnails', () => {
    expect(imageSources('/o.jpg', null)).toEqual({ src: '/o.jpg' });
    expect(imageSources('/o.jpg', undefined)).toEqual({ src: '/o.jpg' });
  });
});
