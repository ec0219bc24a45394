import { findCondition, GitOpsObject, ObjectId } from '@internal/plugin-gitops-common';
import { sourceReferenceOf } from './sourceArtifact';

/**
 * Flux's dependsOn rule: every dependency exists, is Ready for its current generation, and, when it builds
 * from the same source, has applied the revision this object is about to apply. Returns why not, or undefined.
 */
export async function unreadyDependency(
  object: GitOpsObject,
  sourceRevision: string,
  load: (id: ObjectId) => Promise<GitOpsObject | undefined>,
): Promise<string | undefined> {
  const dependsOn = (object.spec.dependsOn ?? []) as Array<{ name: string; namespace?: string }>;
  for (const dependency of dependsOn) {
    const namespace = dependency.namespace ?? object.namespace;
    const label = `${namespace}/${dependency.name}`;
    const found = await load({ cluster: object.cluster, kind: object.kind, namespace, name: dependency.name });
    if (!found) return `dependency '${label}' not found`;
    const ready = findCondition(found.status.conditions, 'Ready');
    if (found.suspended) return `dependency '${label}' is suspended`;
    if (ready?.status !== 'True' || found.status.observedGeneration !== found.generation) {
      return `dependency '${label}' is not ready`;
    }
    if (sameSource(object, found) && found.status.lastAppliedRevision !== sourceRevision) {
      return `dependency '${label}' revision is not up to date`;
    }
  }
  return undefined;
}

function sameSource(a: GitOpsObject, b: GitOpsObject): boolean {
  try {
    const left = sourceReferenceOf(a);
    const right = sourceReferenceOf(b);
    return left.kind === right.kind && left.name === right.name && left.namespace === right.namespace;
  } catch {
    return false;
  }
}
