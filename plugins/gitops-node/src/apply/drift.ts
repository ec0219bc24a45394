import type { KubeObject } from '../kube/types';

/**
 * Flux's drift rule: an object has drifted when the server-side dry-run of the desired state differs from the
 * live object in its labels, annotations, or anything outside metadata and status. Bookkeeping
 * (resourceVersion, managedFields, generation, timestamps) never counts.
 */
export function hasDrifted(existing: KubeObject | undefined, dryRun: KubeObject): boolean {
  if (!existing || !dryRun.metadata?.resourceVersion) return true;
  if (!semanticEqual(existing.metadata?.labels, dryRun.metadata?.labels)) return true;
  if (!semanticEqual(existing.metadata?.annotations, dryRun.metadata?.annotations)) return true;
  return !semanticEqual(withoutMetadataAndStatus(existing), withoutMetadataAndStatus(dryRun));
}

function withoutMetadataAndStatus(object: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return rest;
}

/** Deep equality where absent, null, empty lists and empty maps are the same, as Kubernetes' semantic equality. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => semanticEqual(item, b[index]));
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!semanticEqual(a[key], b[key])) return false;
    return true;
  }
  return a === b;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isMap(value) && Object.keys(value).length === 0;
}
