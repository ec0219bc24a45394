import { findCondition, GitOpsObject, ObjectId, ObjectStatus } from '@internal/plugin-gitops-common';

/**
 * Which objects should run now because `before` changed to `status`: readers of a source whose artifact changed,
 * and objects that depend on one that became ready or applied a new revision. Flux's controllers react to the
 * same changes through watches.
 */
export function dependentsToWake(before: GitOpsObject, status: ObjectStatus, all: GitOpsObject[]): ObjectId[] {
  const { artifactChanged, becameReady } = changesOf(before, status);
  if (!artifactChanged && !becameReady) return [];
  return all.filter(candidate => {
    if (candidate.cluster !== before.cluster) return false;
    const spec = candidate.spec as {
      sourceRef?: { kind?: string; name?: string; namespace?: string };
      chart?: { spec?: { sourceRef?: { kind?: string; name?: string; namespace?: string } } };
      dependsOn?: Array<{ name: string; namespace?: string }>;
    };
    const refs = [spec.sourceRef, spec.chart?.spec?.sourceRef].filter(Boolean);
    const readsSource =
      artifactChanged &&
      refs.some(ref => ref!.kind === before.kind && ref!.name === before.name && (ref!.namespace ?? candidate.namespace) === before.namespace);
    const dependsOnIt =
      becameReady &&
      candidate.kind === before.kind &&
      (spec.dependsOn ?? []).some(d => d.name === before.name && (d.namespace ?? candidate.namespace) === before.namespace);
    return readsSource || dependsOnIt;
  });
}

/** Whether `before` → `status` can wake anything at all; callers skip loading candidates when it cannot. */
export function mayWakeDependents(before: GitOpsObject, status: ObjectStatus): boolean {
  const { artifactChanged, becameReady } = changesOf(before, status);
  return artifactChanged || becameReady;
}

function changesOf(before: GitOpsObject, status: ObjectStatus) {
  const artifactChanged = before.status.artifact?.revision !== status.artifact?.revision && Boolean(status.artifact);
  const becameReady =
    findCondition(status.conditions, 'Ready')?.status === 'True' &&
    (findCondition(before.status.conditions, 'Ready')?.status !== 'True' ||
      before.status.lastAppliedRevision !== status.lastAppliedRevision);
  return { artifactChanged, becameReady };
}
