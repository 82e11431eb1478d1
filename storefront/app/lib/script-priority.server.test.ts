import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { lowPriorityModulePreloads } from './script-priority.server';

const through = (chunks: string[]) => text(Readable.from(chunks).pipe(lowPriorityModulePreloads()));

describe('lowPriorityModulePreloads', () => {
  it('marks every module preload low priority and leaves everything else alone', async () => {
    const html =
      '<link rel="preload" as="image" href="/a.webp" fetchPriority="high"/>' +
      '<link rel="modulepreload" href="/assets/entry.js"/><link rel="modulepreload" href="/assets/root.js"/>' +
      '<p>rel="modulepreload" in text</p>';
    expect(await through([html])).toBe(
      '<link rel="preload" as="image" href="/a.webp" fetchPriority="high"/>' +
        '<link rel="modulepreload" fetchpriority="low" href="/assets/entry.js"/>' +
        '<link rel="modulepreload" fetchpriority="low" href="/assets/root.js"/>' +
        '<p>rel="modulepreload" in text</p>',
    );
  });

  it('finds a tag split across chunks at any point', async () => {
    const html = 'head <link rel="modulepreload" href="/x.js"/> tail';
    const expected = 'head <link rel="modulepreload" fetchpriority="low" href="/x.js"/> tail';
    for (let cut = 0; cut <= html.length; cut++) {
      expect(await through([html.slice(0, cut), html.slice(cut)])).toBe(expected);
    }
    expect(await through([...html])).toBe(expected);
  });

  it('passes a page without module preloads through unchanged, ending included', async () => {
    expect(await through(['<html><body>Hi <', 'link'])).toBe('<html><body>Hi <link');
  });
});
