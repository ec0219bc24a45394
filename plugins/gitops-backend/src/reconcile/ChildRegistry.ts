import { formatObjectId, GitOpsObject, isFluxKind } from '@internal/plugin-gitops-common';
import { KubeObject } from '@internal/plugin-gitops-node';
import { ObjectStore } from '../store/ObjectStore';

/**
 * Flux kinds found in a Kustomization's build become objects of the platform, registered with the Kustomization
 * as their origin, and leave it (finalized first) when they leave the build, as Flux's own objects would be
 * pruned from a cluster.
 */
export class ChildRegistry {
  constructor(
    private readonly store: ObjectStore,
    private readonly finalize: (object: GitOpsObject) => Promise<void>,
  ) {}

  async sync(owner: GitOpsObject, manifests: KubeObject[]): Promise<{ registered: number; removed: number }> {
    const origin = formatObjectId(owner);
    const wanted = new Set<string>();
    for (const manifest of manifests) {
      if (!isFluxKind(manifest.kind)) continue;
      const id = {
        cluster: owner.cluster,
        kind: manifest.kind,
        namespace: manifest.metadata.namespace ?? owner.namespace,
        name: manifest.metadata.name,
      };
      const existing = await this.store.getObject(id);
      if (existing && existing.origin !== origin && existing.origin !== 'config') {
        throw new Error(`${formatObjectId(id)} is already registered by ${existing.origin}`);
      }
      if (existing?.origin === 'config') continue; // config-declared objects win over a build's copy
      wanted.add(formatObjectId(id));
      await this.store.upsertObject({
        ...id,
        apiVersion: manifest.apiVersion,
        spec: (manifest.spec ?? {}) as Record<string, unknown>,
        labels: manifest.metadata.labels,
        annotations: manifest.metadata.annotations,
        origin,
      });
    }
    let removed = 0;
    for (const child of await this.store.listObjects({ origin })) {
      if (wanted.has(formatObjectId(child))) continue;
      await this.finalize(child);
      await this.store.deleteObject(child);
      removed += 1;
    }
    return { registered: wanted.size, removed };
  }
}
