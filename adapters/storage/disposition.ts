/**
 * `Content-Disposition: attachment` for a download name (RFC 6266): an ASCII fallback in `filename` and the exact
 * name, UTF-8 percent-encoded, in `filename*`. Used by both adapters so an invoice downloads under the same name.
 */
export function attachmentDisposition(downloadName: string): string {
  // Control characters, path separators and quotes never reach the header.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const name = downloadName.replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim() || 'download';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
