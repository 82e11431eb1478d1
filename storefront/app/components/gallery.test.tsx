import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Gallery } from './gallery';

const images = [1, 2, 3].map((n) => ({
  url: `https://img.test/${n}.png`,
  alt: n === 2 ? 'Side view' : null,
  width: 800,
  height: 600,
}));

const main = () => screen.getByRole('img', { name: /Lamp|Side view/ });
const thumb = (n: number) => screen.getByRole('link', { name: new RegExp(`Show image ${n} of 3`) });

describe('Gallery', () => {
  afterEach(cleanup);

  it('shows the first image large, with its size, loaded first', () => {
    render(<Gallery images={images} title="Lamp" />);
    expect(main().getAttribute('src')).toBe('https://img.test/1.png');
    expect(main().getAttribute('alt')).toBe('Lamp');
    expect(main().getAttribute('width')).toBe('800');
    expect(main().getAttribute('height')).toBe('600');
    expect(main().getAttribute('loading')).toBe('eager');
    expect(thumb(1).getAttribute('aria-current')).toBe('true');
  });

  it('switches the image when a thumbnail is clicked, without leaving the page', () => {
    render(<Gallery images={images} title="Lamp" />);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      thumb(2).dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(main().getAttribute('src')).toBe('https://img.test/2.png');
    expect(main().getAttribute('alt')).toBe('Side view');
    expect(thumb(2).getAttribute('aria-current')).toBe('true');
    expect(thumb(1).getAttribute('aria-current')).toBeNull();
    expect(screen.getByText('Image 2 of 3')).toBeTruthy();
  });

  it('moves with the arrow keys, wrapping around, and Home/End', () => {
    render(<Gallery images={images} title="Lamp" />);
    thumb(1).focus();
    fireEvent.keyDown(thumb(1), { key: 'ArrowLeft' });
    expect(main().getAttribute('src')).toBe('https://img.test/3.png');
    expect(document.activeElement).toBe(thumb(3));
    fireEvent.keyDown(thumb(3), { key: 'ArrowRight' });
    expect(main().getAttribute('src')).toBe('https://img.test/1.png');
    fireEvent.keyDown(thumb(1), { key: 'End' });
    expect(main().getAttribute('src')).toBe('https://img.test/3.png');
    fireEvent.keyDown(thumb(3), { key: 'Home' });
    expect(document.activeElement).toBe(thumb(1));
  });

  it('links every thumbnail to its own page state for browsers without JavaScript', () => {
    render(<Gallery images={images} title="Lamp" initialIndex={2} />);
    expect(thumb(2).getAttribute('href')).toBe('?image=1#gallery');
    expect(main().getAttribute('src')).toBe('https://img.test/3.png');
  });

  it('has no thumbnails for a single image, and a placeholder for none', () => {
    render(<Gallery images={images.slice(0, 1)} title="Lamp" />);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    cleanup();
    render(<Gallery images={[]} title="Lamp" />);
    expect(screen.getByText('No image yet')).toBeTruthy();
  });

  it('shows thumbnails sized for the slot, the small ones in the strip, and links the original', () => {
    const withThumbs = images.map((image, i) => ({
      ...image,
      thumbnails: { small: `/s${i + 1}.webp`, medium: `/m${i + 1}.webp`, large: `/l${i + 1}.webp` },
    }));
    render(<Gallery images={withThumbs} title="Lamp" />);
    expect(main().getAttribute('src')).toBe('/m1.webp');
    expect(main().getAttribute('srcset')).toBe('/m1.webp 400w, /l1.webp 800w');
    expect(main().getAttribute('sizes')).toBeTruthy();
    expect(thumb(2).querySelector('img')?.getAttribute('src')).toBe('/s2.webp');
    expect(screen.getByRole('link', { name: /View full size/ }).getAttribute('href')).toBe(
      'https://img.test/1.png',
    );
  });
});
