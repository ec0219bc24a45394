import type { PropagationPolicy } from '../kube';

/** What happened to one object: Flux's change set actions. */
export type ChangeAction = 'created' | 'configured' | 'unchanged' | 'deleted' | 'skipped' | 'unknown';

export interface ChangeSetEntry {
  /** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects. */
  subject: string;
  action: ChangeAction;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ChangeSet {
  entries: ChangeSetEntry[];
}

export interface ApplyOptions {
  /** Recreate objects whose change touches immutable fields (Flux's `spec.force`). Default false. */
  force?: boolean;
  /** Poll interval while waiting for CRDs, Namespaces and ClusterRoles between stages. Default 2 s. */
  waitInterval?: number;
  /** How long to wait for them. Default 60 s. */
  waitTimeout?: number;
}

export interface DeleteOptions {
  /**
   * Labels that mark an object as ours (Flux: `kustomize.toolkit.fluxcd.io/name` and `/namespace`). Objects in
   * the cluster without all of them are left alone. Required: pruning without an owner is never safe.
   */
  ownerLabels: Record<string, string>;
  /** Labels or annotations that protect an object from deletion. Default: Flux's prune exclusions. */
  exclusions?: Record<string, string>;
  /** Default `Background`, as Flux. */
  propagationPolicy?: PropagationPolicy;
}

export interface WaitOptions {
  /** Give up after this many milliseconds. Default 60 s. */
  timeout?: number;
  /** Poll every this many milliseconds. Default 2 s. */
  interval?: number;
  /** Stop at the first Failed object instead of waiting for the others. Default false. */
  failFast?: boolean;
  signal?: AbortSignal;
}
