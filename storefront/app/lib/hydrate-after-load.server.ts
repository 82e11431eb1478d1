import { Transform } from 'node:stream';

const PRELOAD = /<link rel="modulepreload"[^>]*>/g;
const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*>([\s\S]*?)<\/script>/g;
const ROUTE_IMPORT = /^\s*import \* as (route\d+) from ("[^"]+");\s*$/gm;

/**
 * React Router's bootstrap module (rendered by <Scripts>): static imports of the route modules, the manifest and
 * route-module globals, then `import(entry.client)`. Rewritten to the same steps inside a function that runs once
 * the page has loaded, with the static imports turned into dynamic ones (a namespace either way). Null when the
 * script is not of that shape (the dev server's, say): it is then left as it is.
 */
export function deferBootstrap(body: string): string | null {
  if (!body.includes('window.__reactRouterRouteModules')) return null;
  const routes: { name: string; from: string }[] = [];
  const rest = body.replace(ROUTE_IMPORT, (_line, name: string, from: string) => {
    routes.push({ name, from });
    return '';
  });
  // Anything still importing statically cannot move into a function.
  if (/^\s*import\s+[^(]/m.test(rest)) return null;
  const names = routes.map((r) => r.name).join(',');
  const imports = routes.map((r) => `import(${r.from})`).join(',');
  return (
    `(()=>{const hydrate=async()=>{const [${names}]=await Promise.all([${imports}]);${rest}};` +
    `if(document.readyState==="complete")hydrate();else addEventListener("load",hydrate,{once:true});})();`
  );
}

/** Where an unfinished tag this transform may need to rewrite starts in `text`, or -1. */
function pendingFrom(text: string): number {
  const script = text.lastIndexOf('<script');
  if (script !== -1 && text.indexOf('</script>', script) === -1) return script;
  const open = text.lastIndexOf('<');
  if (open !== -1 && text.indexOf('>', open) === -1) return open;
  return -1;
}

/**
 * Starts hydration after the window's `load` event instead of at once: drops the `<link rel="modulepreload">` tags
 * and defers React Router's bootstrap module (deferBootstrap).
 *
 * Why: every page is complete server HTML, usable without JavaScript (links, search, add to cart and checkout are
 * plain forms). On a slow phone line the ~110 KB of JavaScript otherwise shares the bandwidth with the stylesheet
 * and the largest image and delays both (Lighthouse: LCP 2.2 s on the product page with the scripts fetched at once,
 * at high or at low priority; see docs/benchmarks.md). After `load`, the page hydrates: client navigation, live
 * order status, the payment form's enhancements. A click before that is an ordinary page load.
 *
 * A streaming rewrite: a tag or script cut between chunks is held back until it is complete.
 */
export function hydrateAfterLoad(): Transform {
  let carry = '';
  const rewrite = (text: string) =>
    text.replace(PRELOAD, '').replace(MODULE_SCRIPT, (tag, body: string) => {
      const deferred = deferBootstrap(body);
      return deferred === null ? tag : tag.replace(body, () => deferred);
    });
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const text = carry + chunk.toString();
      const cut = pendingFrom(text);
      const ready = cut === -1 ? text : text.slice(0, cut);
      carry = cut === -1 ? '' : text.slice(cut);
      done(null, rewrite(ready));
    },
    flush(done) {
      done(null, rewrite(carry));
    },
  });
}
