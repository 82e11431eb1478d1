import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { deferBootstrap, hydrateAfterLoad } from './hydrate-after-load.server';

const through = (chunks: string[]) => text(Readable.from(chunks).pipe(hydrateAfterLoad()));

// The shape React Router's <Scripts> renders (react-router 7), trimmed.
const BOOTSTRAP =
  ';\nimport * as route0 from "/assets/root-A.js";\nimport * as route1 from "/assets/product-B.js";\n' +
  '  window.__reactRouterManifest = {"entry":{"module":"/assets/entry.client-C.js"}};\n' +
  '  window.__reactRouterRouteModules = {"root":route0,"routes/product":route1};\n\nimport("/assets/entry.client-C.js");';
const PAGE =
  '<head><link rel="stylesheet" href="/assets/app.css"/><link rel="modulepreload" href="/assets/entry.client-C.js" nonce="n"/>' +
  '<link rel="modulepreload" href="/assets/root-A.js" nonce="n"/></head><body><main>Hi</main>' +
  '<script nonce="n">window.__reactRouterContext = {};</script>' +
  `<script nonce="n" type="module" async="">${BOOTSTRAP}</script></body>`;

/** Runs the rewritten bootstrap with fake imports and a fake window; what it did, in order. */
async function run(script: string, readyState: 'loading' | 'complete') {
  const steps: string[] = [];
  const win: Record<string, unknown> = {};
  let onLoad: (() => void) | null = null;
  const fakeImport = (path: string) => {
    steps.push(`import ${path}`);
    return Promise.resolve({ path });
  };
  const body = script.replace(/\bimport\(/g, 'fakeImport(').replace(/window\./g, 'win.');
  new Function('fakeImport', 'win', 'document', 'addEventListener', body)(
    fakeImport,
    win,
    { readyState },
    (type: string, listener: () => void) => {
      steps.push(`listen ${type}`);
      onLoad = listener;
    },
  );
  return { steps, win, load: async () => (onLoad as (() => Promise<void>) | null)?.() };
}

describe('deferBootstrap', () => {
  it('imports nothing before load, then the route modules, the globals and the entry, as before', async () => {
    const deferred = deferBootstrap(BOOTSTRAP)!;
    expect(deferred).not.toMatch(/^\s*import\s+\*/m);
    const page = await run(deferred, 'loading');
    expect(page.steps).toEqual(['listen load']);
    await page.load();
    expect(page.steps).toEqual([
      'listen load',
      'import /assets/root-A.js',
      'import /assets/product-B.js',
      'import /assets/entry.client-C.js',
    ]);
    expect(page.win.__reactRouterRouteModules).toEqual({
      root: { path: '/assets/root-A.js' },
      'routes/product': { path: '/assets/product-B.js' },
    });
  });

  it('hydrates at once when the page has already loaded', async () => {
    const page = await run(deferBootstrap(BOOTSTRAP)!, 'complete');
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.steps).toContain('import /assets/entry.client-C.js');
    expect(page.steps).not.toContain('listen load');
  });

  it('leaves other scripts, and bootstraps of another shape (a static import it cannot move), alone', () => {
    expect(deferBootstrap('console.log(1)')).toBeNull();
    expect(deferBootstrap(`import "/@vite/client";\n${BOOTSTRAP}`)).toBeNull();
  });
});

describe('hydrateAfterLoad', () => {
  it('drops the module preloads and defers the bootstrap; the rest of the page is untouched', async () => {
    const out = await through([PAGE]);
    expect(out).not.toContain('modulepreload');
    expect(out).toContain('<link rel="stylesheet" href="/assets/app.css"/>');
    expect(out).toContain('<script nonce="n">window.__reactRouterContext = {};</script>');
    expect(out).toContain(`<script nonce="n" type="module" async="">${deferBootstrap(BOOTSTRAP)}</script>`);
  });

  it('gives the same page whatever the chunks', async () => {
    const expected = await through([PAGE]);
    for (let cut = 0; cut <= PAGE.length; cut += 7) {
      expect(await through([PAGE.slice(0, cut), PAGE.slice(cut)])).toBe(expected);
    }
    expect(await through(PAGE.match(/[\s\S]{1,13}/g)!)).toBe(expected);
  });

  it('passes a page without scripts through unchanged, an unfinished tag at the end included', async () => {
    expect(await through(['<html><body>Hi <', 'p'])).toBe('<html><body>Hi <p');
  });
});
