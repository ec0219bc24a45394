import { GitOpsObject } from '@internal/plugin-gitops-common';

export interface FleetFilter {
  health: string;
  kind: string;
  cluster: string;
}

export const ALL = '';

export type CountBucket = 'ready' | 'failing' | 'suspended' | 'other';

/** Failed and Stalled both need a person; Reconciling and Unknown are "other". */
export function bucketOf(object: GitOpsObject): CountBucket {
  switch (object.health) {
    case 'Ready':
      return 'ready';
    case 'Failed':
    case 'Stalled':
      return 'failing';
    case 'Suspended':
      return 'suspended';
    default:
      return 'other';
  }
}

export function countBuckets(objects: GitOpsObject[]): Record<CountBucket, number> {
  const counts = { ready: 0, failing: 0, suspended: 0, other: 0 };
  for (const object of objects) counts[bucketOf(object)]++;
  return counts;
}

export function applyFilter(objects: GitOpsObject[], filter: FleetFilter): GitOpsObject[] {
  return objects.filter(
    object =>
      (filter.health === ALL || object.health === filter.health) &&
      (filter.kind === ALL || object.kind === filter.kind) &&
      (filter.cluster === ALL || object.cluster === filter.cluster),
  );
}

/** Clusters in name order, objects in each by kind, namespace and name. */
export function groupByCluster(objects: GitOpsObject[]): Array<[string, GitOpsObject[]]> {
  const groups = new Map<string, GitOpsObject[]>();
  for (const object of objects) groups.set(object.cluster, [...(groups.get(object.cluster) ?? []), object]);
  const key = (o: GitOpsObject) => `${o.kind}/${o.namespace}/${o.name}`;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cluster, items]) => [cluster, items.sort((a, b) => key(a).localeCompare(key(b)))]);
}

export function distinct(objects: GitOpsObject[], pick: (object: GitOpsObject) => string): string[] {
  return [...new Set(objects.map(pick))].sort();
}
