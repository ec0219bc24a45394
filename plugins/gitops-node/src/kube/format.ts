import type { ObjectRef } from './types';

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects: Flux's subject format. */
export function formatRef(ref: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The version of an apiVersion (`apps/v1` -> `v1`). */
export function versionOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
}
