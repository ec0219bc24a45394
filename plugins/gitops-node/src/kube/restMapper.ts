import { KubeApiError, UnknownKindError, isNotFound } from './errors';
import type { KubeTransport } from './transport';
import type { ResourceMapping } from './types';

interface ApiResource {
  name?: string;
  kind?: string;
  namespaced?: boolean;
}

interface GroupVersionEntry {
  kinds: Map<string, ResourceMapping>;
}

export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split('/');
  if (parts.length === 1 && parts[0]) return { group: '', version: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { group: parts[0], version: parts[1] };
  throw new Error(`invalid apiVersion "${apiVersion}"`);
}

/**
 * Maps kinds to REST resources through discovery, one group-version at a time. A kind missing from the
 * cached list triggers one fresh discovery call for its group-version: a CustomResourceDefinition applied
 * a moment ago becomes usable without restarting anything.
 */
export class RestMapper {
  private readonly entries = new Map<string, Promise<GroupVersionEntry | undefined>>();

  constructor(private readonly transport: KubeTransport) {}

  async resolve(apiVersion: string, kind: string): Promise<ResourceMapping> {
    const { group, version } = parseApiVersion(apiVersion);
    const key = group ? `${group}/${version}` : version;
    let pending = this.entries.get(key);
    if (pending) {
      const known = await pending;
      const hit = known?.kinds.get(kind);
      if (hit) return hit;
      // Stale list: fetch again, unless a concurrent caller already did.
      const latest = this.entries.get(key);
      pending = latest && latest !== pending ? latest : this.refresh(key, group, version);
    } else {
      pending = this.refresh(key, group, version);
    }
    const mapping = (await pending)?.kinds.get(kind);
    if (!mapping) throw new UnknownKindError(apiVersion, kind);
    return mapping;
  }

  /** Forgets everything: the next lookup of each group-version asks the apiserver again. */
  reset(): void {
    this.entries.clear();
  }

  private refresh(key: string, group: string, version: string): Promise<GroupVersionEntry | undefined> {
    const promise = this.load(group, version);
    this.entries.set(key, promise);
    // A failed discovery call must not stay cached.
    promise.catch(() => {
      if (this.entries.get(key) === promise) this.entries.delete(key);
    });
    return promise;
  }

  private async load(group: string, version: string): Promise<GroupVersionEntry | undefined> {
    const path = group ? `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}` : `/api/${encodeURIComponent(version)}`;
    let list: { resources?: ApiResource[] };
    try {
      list = (await this.transport.request({ method: 'GET', path })) as { resources?: ApiResource[] };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error instanceof KubeApiError ? error : new Error(`discovery of ${path} failed: ${String(error)}`);
    }
    const kinds = new Map<string, ResourceMapping>();
    for (const resource of list.resources ?? []) {
      if (!resource.name || !resource.kind || resource.name.includes('/')) continue;
      kinds.set(resource.kind, {
        group,
        version,
        kind: resource.kind,
        resource: resource.name,
        namespaced: Boolean(resource.namespaced),
      });
    }
    return { kinds };
  }
}
