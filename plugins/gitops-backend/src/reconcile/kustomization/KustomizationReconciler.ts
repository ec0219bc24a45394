import {
  ConditionTypes,
  GitOpsObject,
  InventoryEntry,
  isFluxApiVersion,
  ObjectId,
  ObjectStatus,
  Reasons,
} from '@internal/plugin-gitops-common';
import {
  ApplyError,
  buildKustomization,
  ChangeSet,
  diffInventory,
  inventoryFromChangeSet,
  KubeObject,
  refFromInventoryEntry,
  summarizeChangeSet,
  WaitError,
} from '@internal/plugin-gitops-node';
import { ClusterRegistry } from '../../clusters/ClusterRegistry';
import { withCondition, withReady, withoutCondition } from '../conditions';
import { requeueAfter, timeoutOf } from '../intervals';
import { Reconciler, ReconcileOutcome } from '../types';
import { unreadyDependency } from './dependencies';
import { ownerLabels, withOwnerLabels } from './ownership';
import { describeSource, sourceReferenceOf } from './sourceArtifact';

/** What the Kustomization reconciler needs from the rest of the backend. */
export interface KustomizationDependencies {
  loadObject(id: ObjectId): Promise<GitOpsObject | undefined>;
  /** Unpacks a stored artifact (once per digest) and returns its directory. */
  checkoutArtifact(digest: string): Promise<string>;
  /** Makes the Flux objects registered by `owner` exactly `objects`. */
  registerChildren(owner: GitOpsObject, objects: KubeObject[]): Promise<void>;
  clusters: ClusterRegistry;
}

/** A failed step: its reason, its message, and whether the cluster was touched. */
class StepFailure extends Error {
  constructor(readonly reason: string, message: string, readonly changeSet?: ChangeSet) {
    super(message);
  }
}

/**
 * Flux's Kustomization reconcile, in order: source artifact, dependsOn, build, apply, inventory, prune, health.
 * Nothing is applied when the build fails; each failure maps to one reason here.
 */
export class KustomizationReconciler implements Reconciler {
  readonly kind = 'Kustomization';

  constructor(private readonly deps: KustomizationDependencies) {}

  async reconcile(object: GitOpsObject, signal: AbortSignal): Promise<ReconcileOutcome> {
    const spec = object.spec;
    let status: ObjectStatus = object.status;
    let revision: string | undefined;
    try {
      const artifact = await this.sourceArtifact(object);
      revision = artifact.revision;
      status = { ...status, lastAttemptedRevision: revision };

      const blocked = await unreadyDependency(object, revision, id => this.deps.loadObject(id));
      if (blocked) {
        const message = `${blocked}`;
        return {
          status: withReady(status, false, Reasons.DependencyNotReady, message, object.generation),
          result: 'skipped',
          reason: Reasons.DependencyNotReady,
          message,
          revision,
          requeueAfterMs: requeueAfter(spec, true),
        };
      }

      const built = await this.build(object, artifact.digest);
      const fluxObjects = built.filter(item => isFluxApiVersion(item.apiVersion));
      const clusterObjects = withOwnerLabels(
        built.filter(item => !isFluxApiVersion(item.apiVersion)),
        ownerLabels(object),
      );

      const changeSet = await this.apply(object, clusterObjects);
      const inventory = inventoryFromChangeSet(changeSet);
      const pruned = spec.prune ? await this.prune(object, diffInventory(status.inventory?.entries, inventory)) : undefined;
      if (pruned) changeSet.entries.push(...pruned.entries);
      await this.deps.registerChildren(object, fluxObjects);
      status = { ...status, inventory: { entries: inventory } };

      if (signal.aborted) throw new StepFailure(Reasons.ReconciliationFailed, 'reconcile timed out before health checks');
      status = await this.checkHealth(object, clusterObjects, status);

      const message = `Applied revision: ${revision}`;
      status = withReady({ ...status, lastAppliedRevision: revision }, true, Reasons.ReconciliationSucceeded, message, object.generation);
      const summary = summarizeChangeSet(changeSet);
      return {
        status,
        result: 'success',
        reason: Reasons.ReconciliationSucceeded,
        message,
        revision,
        changeSet: summary,
        requeueAfterMs: requeueAfter(spec, false),
        events: changedEvents(summary, revision),
      };
    } catch (error) {
      const failure = asStepFailure(error);
      const kept = failure.reason === Reasons.HealthCheckFailed
        ? withCondition(status, ConditionTypes.Healthy, false, Reasons.HealthCheckFailed, failure.message, object.generation)
        : status;
      return {
        status: withReady(kept, false, failure.reason, failure.message, object.generation),
        result: 'failure',
        reason: failure.reason,
        message: failure.message,
        revision,
        changeSet: failure.changeSet ? summarizeChangeSet(failure.changeSet) : undefined,
        requeueAfterMs: requeueAfter(spec, true),
      };
    }
  }

  /** Deleting a Kustomization from git deletes what it applied, unless pruning is off or the policy says Orphan. */
  async finalize(object: GitOpsObject): Promise<void> {
    const policy = (object.spec.deletionPolicy as string | undefined) ?? 'MirrorPrune';
    const prune = policy === 'Delete' || policy === 'WaitForTermination' || (policy === 'MirrorPrune' && Boolean(object.spec.prune));
    if (!prune || object.suspended) return;
    await this.prune(object, object.status.inventory?.entries ?? []);
    await this.deps.registerChildren(object, []);
  }

  private async sourceArtifact(object: GitOpsObject) {
    const reference = (() => {
      try {
        return sourceReferenceOf(object);
      } catch (error) {
        throw new StepFailure(Reasons.ArtifactFailed, (error as Error).message);
      }
    })();
    const source = await this.deps.loadObject({ cluster: object.cluster, ...reference });
    if (!source) throw new StepFailure(Reasons.ArtifactFailed, `Source '${describeSource(reference)}' not found`);
    const artifact = source.status.artifact;
    if (!artifact) {
      throw new StepFailure(Reasons.ArtifactFailed, `Source '${describeSource(reference)}' is not ready, artifact not found`);
    }
    return artifact;
  }

  private async build(object: GitOpsObject, digest: string): Promise<KubeObject[]> {
    try {
      const root = await this.deps.checkoutArtifact(digest);
      const spec = object.spec as Record<string, any>;
      return await buildKustomization(root, spec.path ?? './', {
        targetNamespace: spec.targetNamespace,
        namePrefix: spec.namePrefix,
        nameSuffix: spec.nameSuffix,
        commonMetadata: spec.commonMetadata,
      });
    } catch (error) {
      throw new StepFailure(Reasons.BuildFailed, `kustomize build failed: ${(error as Error).message}`);
    }
  }

  private async apply(object: GitOpsObject, objects: KubeObject[]): Promise<ChangeSet> {
    try {
      const cluster = this.deps.clusters.get(object.cluster);
      return await cluster.resources.applyAllStaged(objects, { force: Boolean(object.spec.force) });
    } catch (error) {
      const changeSet = error instanceof ApplyError ? error.changeSet : undefined;
      throw new StepFailure(Reasons.ReconciliationFailed, (error as Error).message, changeSet);
    }
  }

  private async prune(object: GitOpsObject, stale: InventoryEntry[]): Promise<ChangeSet | undefined> {
    if (stale.length === 0) return undefined;
    try {
      const cluster = this.deps.clusters.get(object.cluster);
      return await cluster.resources.delete(stale.map(refFromInventoryEntry), { ownerLabels: ownerLabels(object) });
    } catch (error) {
      throw new StepFailure(Reasons.PruneFailed, `prune failed: ${(error as Error).message}`);
    }
  }

  private async checkHealth(object: GitOpsObject, applied: KubeObject[], status: ObjectStatus): Promise<ObjectStatus> {
    const spec = object.spec as Record<string, any>;
    const healthChecks = (spec.healthChecks ?? []) as Array<{ apiVersion?: string; kind: string; name: string; namespace?: string }>;
    const targets = spec.wait
      ? applied
      : healthChecks.map(check => ({
          apiVersion: check.apiVersion ?? 'v1',
          kind: check.kind,
          name: check.name,
          namespace: check.namespace ?? object.namespace,
        }));
    if (targets.length === 0) return withoutCondition(status, ConditionTypes.Healthy);
    try {
      await this.deps.clusters.get(object.cluster).resources.wait(targets, { timeout: timeoutOf(spec) });
    } catch (error) {
      const message = error instanceof WaitError ? `health check failed after ${spec.timeout ?? spec.interval}: ${error.message}` : (error as Error).message;
      throw new StepFailure(Reasons.HealthCheckFailed, message);
    }
    return withCondition(status, ConditionTypes.Healthy, true, Reasons.Succeeded, 'Health check passed', object.generation);
  }
}

function asStepFailure(error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  return new StepFailure(Reasons.ReconciliationFailed, (error as Error)?.message ?? String(error));
}

function changedEvents(summary: ReconcileOutcome['changeSet'], revision: string): ReconcileOutcome['events'] {
  if (!summary) return [];
  const changed = summary.created + summary.configured + summary.deleted;
  if (changed === 0) return [];
  return [
    {
      severity: 'info',
      reason: 'Progressing',
      message: `${summary.created} created, ${summary.configured} configured, ${summary.deleted} deleted at ${revision}`,
    },
  ];
}
