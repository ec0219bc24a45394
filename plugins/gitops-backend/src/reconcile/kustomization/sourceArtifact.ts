import { GitOpsObject, ObjectStatus } from '@internal/plugin-gitops-common';

export interface SourceReference {
  kind: string;
  name: string;
  namespace: string;
}

/** The source a Kustomization or HelmRelease builds from, with Flux's default namespace (the referrer's own). */
export function sourceReferenceOf(object: GitOpsObject): SourceReference {
  const ref = (object.spec.sourceRef ?? {}) as Partial<SourceReference>;
  if (!ref.kind || !ref.name) throw new Error('spec.sourceRef needs a kind and a name');
  return { kind: ref.kind, name: ref.name, namespace: ref.namespace ?? object.namespace };
}

export function describeSource(ref: SourceReference): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export type ArtifactOf = Required<Pick<ObjectStatus, 'artifact'>>['artifact'];
