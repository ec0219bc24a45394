import { LoggerService } from '@backstage/backend-plugin-api';
import { formatObjectId, GitOpsObject } from '@internal/plugin-gitops-common';
import { createGitMirror } from '@internal/plugin-gitops-node';
import { Knex } from 'knex';
import path from 'node:path';
import { ArtifactCache } from './artifacts/ArtifactCache';
import { DatabaseArtifactStore } from './artifacts/DatabaseArtifactStore';
import { ClusterRegistry } from './clusters/ClusterRegistry';
import { SecretReader } from './clusters/SecretReader';
import { GitOpsConfig } from './config';
import { fleetObjects } from './fleets/fleetObjects';
import { ChildRegistry } from './reconcile/ChildRegistry';
import { dependentsToWake, mayWakeDependents } from './reconcile/dependents';
import { GitRepositoryReconciler } from './reconcile/gitRepository/GitRepositoryReconciler';
import { KustomizationReconciler } from './reconcile/kustomization/KustomizationReconciler';
import { ReconcileRunner } from './reconcile/ReconcileRunner';
import { DatabaseWorkQueue } from './scheduling/DatabaseWorkQueue';
import { ReconcileLoop } from './scheduling/ReconcileLoop';
import { ObjectStore } from './store/ObjectStore';

export interface EngineOptions {
  config: GitOpsConfig;
  store: ObjectStore;
  db: Knex;
  logger: LoggerService;
  /** Identifies this replica in work-queue leases. */
  instanceId: string;
  publishChange(object: GitOpsObject): Promise<void>;
  /** Replaces how cluster clients are made (benchmarks wrap them to count requests). */
  clusters?: ClusterRegistry;
}

/** Lease on a claimed object; renewed while its reconcile runs, so only a dead replica loses it. */
const LEASE_MS = 60_000;

/** Builds the reconcile side of the plugin: clusters, source mirror, artifact storage, reconcilers, work loop. */
export function createEngine(options: EngineOptions) {
  const { config, store, db, logger } = options;
  const clusters = options.clusters ?? new ClusterRegistry(config.clusters);
  const artifacts = new DatabaseArtifactStore(db);
  const cache = new ArtifactCache(artifacts, path.join(config.workingDirectory, 'artifacts'), config.maxArtifactBytes * 8);
  const mirror = createGitMirror({
    implementation: config.gitImplementation,
    cacheDir: path.join(config.workingDirectory, 'git'),
  });

  const queue = new DatabaseWorkQueue(db);
  let runner: ReconcileRunner;
  const finalize = async (object: GitOpsObject) => {
    await runner.reconcilerFor(object.kind)?.finalize?.(object);
  };
  const children = new ChildRegistry(store, finalize);
  runner = new ReconcileRunner({
    store,
    logger,
    onStatusChange: options.publishChange,
    onReconciled: async (before, status) => {
      // Most reconciles change nothing others wait for: only then is the cluster's object list worth reading.
      if (!mayWakeDependents(before, status)) return;
      const candidates = await store.listObjects({ cluster: before.cluster });
      await queue.wake(dependentsToWake(before, status, candidates));
    },
    reconcilers: [
      new GitRepositoryReconciler({
        mirror,
        artifacts,
        secrets: new SecretReader(clusters),
        maxArtifactBytes: config.maxArtifactBytes,
      }),
      new KustomizationReconciler({
        loadObject: id => store.getObject(id),
        checkoutArtifact: digest => cache.checkout(digest),
        registerChildren: async (owner, objects) => {
          await children.sync(owner, objects);
        },
        clusters,
      }),
    ],
  });
  const loop = new ReconcileLoop({
    queue,
    runner,
    logger,
    owner: options.instanceId,
    concurrency: config.concurrency,
    leaseMs: LEASE_MS,
  });

  /** Makes the config-declared fleets' objects match `gitops.fleets`, finalizing fleets that left the config. */
  async function registerFleets(): Promise<void> {
    const wanted = new Set<string>();
    for (const fleet of config.fleets) {
      for (const manifest of fleetObjects(fleet)) {
        const id = { cluster: fleet.cluster, kind: manifest.kind, namespace: manifest.metadata.namespace!, name: manifest.metadata.name };
        wanted.add(formatObjectId(id));
        await store.upsertObject({
          ...id,
          apiVersion: manifest.apiVersion,
          spec: manifest.spec,
          labels: manifest.metadata.labels,
          origin: 'config',
        });
      }
    }
    for (const object of await store.listObjects({ origin: 'config' })) {
      if (wanted.has(formatObjectId(object))) continue;
      logger.info(`${formatObjectId(object)} left gitops.fleets: finalizing it`);
      await finalize(object);
      await store.deleteObject(object);
    }
  }

  return { loop, queue, runner, clusters, registerFleets };
}
