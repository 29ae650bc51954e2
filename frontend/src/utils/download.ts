/**
 * Files from the API (exports, the import template) need the Authorization header, so they are
 * fetched as blobs and handed to the browser as a download, rather than linked to.
 */

/** The spreadsheet formats the API writes (exports, the import template). */
export type FileFormat = 'xlsx' | 'csv';

/** The file name in a Content-Disposition header; RFC 5987 `filename*=UTF-8''…` wins over `filename=`. */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Offers `blob` as a download named `filename` (a temporary object URL behind a clicked link). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the browser has started the download by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
