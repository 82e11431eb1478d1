/**
 * Where to send the shopper after signing in: only a path on this site. Anything a browser could read as another
 * origin (`//evil.com`, `/\evil.com`, `https://…`, `javascript:`, the same percent-encoded or with tabs and
 * newlines, which URL parsers drop) falls back to `fallback`.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/account'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  let text = raw;
  // Check every decoding layer: a redirect target may be decoded again by whoever follows it.
  for (let layer = 0; layer < 4; layer++) {
    if (!looksLocal(text)) return fallback;
    const decoded = decodeOnce(text);
    if (decoded === text) break;
    text = decoded;
  }
  try {
    const base = 'http://shop.invalid';
    if (new URL(raw, base).origin !== base) return fallback;
  } catch {
    return fallback;
  }
  return raw;
}

function looksLocal(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    // Browsers treat a backslash like a slash in http(s) URLs; control characters and spaces get stripped.
    !path.includes('\\') &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
    !/[\u0000-\u0020\u007f]/.test(path)
  );
}

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone '%' (e.g. "?q=100%") is not an escape: the text is as decoded as it gets.
    return text;
  }
}
