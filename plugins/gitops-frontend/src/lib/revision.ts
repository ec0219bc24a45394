/**
 * Shortens a Flux revision for a table cell: `main@sha1:<40 hex>` becomes `main@sha1:0123abcd`,
 * `6.0.1@sha256:<64 hex>` becomes `6.0.1@sha256:0123abcd`. Anything else is returned as is.
 */
export function shortRevision(revision: string): string {
  return revision.replace(/(sha1|sha256|sha384|sha512):([0-9a-f]{8})[0-9a-f]+$/i, '$1:$2');
}

/** Shortens every digest inside a message (`Applied revision: main@sha1:<40 hex>`), for one-line display. */
export function shortenDigests(text: string): string {
  return text.replace(/\b(sha1|sha256|sha384|sha512):([0-9a-f]{8})[0-9a-f]{8,}\b/gi, '$1:$2');
}
