import type { KubeObject } from '../kube/types';

/** Flux's per-object controls, honoured with Flux's keys and values. */
export const SSA_ANNOTATION = 'kustomize.toolkit.fluxcd.io/ssa';
export const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';
export const RECONCILE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/reconcile';
export const FORCE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/force';

/** Never applied, never pruned. */
export const APPLY_EXCLUSIONS: Record<string, string> = {
  [RECONCILE_ANNOTATION]: 'disabled',
  [SSA_ANNOTATION]: 'Ignore',
};

/** Applied only when absent from the cluster. */
export const IF_NOT_PRESENT_SELECTOR: Record<string, string> = { [SSA_ANNOTATION]: 'IfNotPresent' };

/** Recreated on immutable-field changes even without the force option. */
export const FORCE_SELECTOR: Record<string, string> = { [FORCE_ANNOTATION]: 'enabled' };

export const PRUNE_EXCLUSIONS: Record<string, string> = {
  [PRUNE_ANNOTATION]: 'disabled',
  [RECONCILE_ANNOTATION]: 'disabled',
  [SSA_ANNOTATION]: 'Ignore',
};

/** True when a label or an annotation has one of the selector's values (compared case-insensitively, as Flux). */
export function anyInMetadata(object: KubeObject | undefined, selector: Record<string, string>): boolean {
  if (!object) return false;
  const labels = object.metadata?.labels ?? {};
  const annotations = object.metadata?.annotations ?? {};
  return Object.entries(selector).some(([key, value]) =>
    [labels[key], annotations[key]].some(
      found => typeof found === 'string' && found !== '' && found.toLowerCase() === value.toLowerCase(),
    ),
  );
}

/** True when the object carries every one of the labels. */
export function hasAllLabels(object: KubeObject, labels: Record<string, string>): boolean {
  const own = object.metadata?.labels ?? {};
  return Object.entries(labels).every(([key, value]) => own[key] === value);
}
