import { GitOpsObject } from '@internal/plugin-gitops-common';
import { KubeObject } from '@internal/plugin-gitops-node';

/** The labels Flux's kustomize-controller puts on what it applies; prune only touches objects carrying them. */
export function ownerLabels(kustomization: Pick<GitOpsObject, 'name' | 'namespace'>): Record<string, string> {
  return {
    'kustomize.toolkit.fluxcd.io/name': kustomization.name,
    'kustomize.toolkit.fluxcd.io/namespace': kustomization.namespace,
  };
}

export function withOwnerLabels(objects: KubeObject[], labels: Record<string, string>): KubeObject[] {
  return objects.map(object => ({
    ...object,
    metadata: { ...object.metadata, labels: { ...object.metadata.labels, ...labels } },
  }));
}
