/** How catalog entities point at objects of the platform. */

/** Comma list of `[cluster/]Kind/namespace/name`. */
export const GITOPS_OBJECTS_ANNOTATION = 'gitops.backstage.io/objects';

/** Backstage's Kubernetes plugin annotation; objects labelled with the same value belong to the entity. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** The annotation Flux's `reconcile` command sets; the platform honours it the same way. */
export const RECONCILE_REQUESTED_AT_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';

interface EntityLike {
  metadata: { annotations?: Record<string, string> };
}

/** True when the entity declares objects of the platform in either supported way. */
export function isGitOpsAvailable(entity: EntityLike): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(annotations[GITOPS_OBJECTS_ANNOTATION]?.trim() || annotations[KUBERNETES_ID_ANNOTATION]?.trim());
}

/** Signals channel on which the backend announces status changes (`@backstage/plugin-signals`). */
export const GITOPS_SIGNAL_CHANNEL = 'gitops:object-status';

/** Payload of a status-change signal: which object changed. */
export interface GitOpsStatusSignal {
  objectId: string;
  health: string;
}
