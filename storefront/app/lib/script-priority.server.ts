import { Transform } from 'node:stream';

const NEEDLE = '<link rel="modulepreload"';
const REPLACEMENT = '<link rel="modulepreload" fetchpriority="low"';

/**
 * Marks the hydration scripts' `<link rel="modulepreload">` (rendered by React Router's <Scripts>, which has no
 * option for it) as `fetchpriority="low"`.
 *
 * Why: every page is complete server HTML, usable before any script runs. On a slow phone line, 110 KB of
 * high-priority JavaScript shares the bandwidth with the stylesheet and the largest image and delays both; at low
 * priority the browser fetches the stylesheet and the image first and hydrates a little later. Lighthouse's model
 * agrees: it counts high-priority scripts that finished before the first paint as render-blocking (search page
 * LCP 2.4 s with them, 1.4 s without; see docs/benchmarks.md).
 *
 * A streaming replace: a tag split across two chunks is still found, because the last bytes that could start one
 * are held back until the next chunk (or the end).
 */
export function lowPriorityModulePreloads(): Transform {
  let carry = '';
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const text = carry + chunk.toString();
      const replaced = text.split(NEEDLE).join(REPLACEMENT);
      const keep = partialNeedleAtEnd(replaced);
      carry = replaced.slice(replaced.length - keep);
      done(null, replaced.slice(0, replaced.length - keep));
    },
    flush(done) {
      done(null, carry);
    },
  });
}

/** How many characters at the end of `text` are the start of NEEDLE (0 when none). */
function partialNeedleAtEnd(text: string): number {
  for (let length = Math.min(NEEDLE.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(NEEDLE.slice(0, length))) return length;
  }
  return 0;
}
