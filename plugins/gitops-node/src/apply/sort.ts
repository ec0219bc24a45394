import { groupOf } from '../kube/format';

/** Kinds others depend on come first (Flux's order, after kustomize's); webhooks last so they cannot block the rest. */
const FIRST = [
  'CustomResourceDefinition',
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Service',
  'LimitRange',
  'PriorityClass',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const RANK = new Map<string, number>([
  ...FIRST.map((kind, index): [string, number] => [kind, index - FIRST.length]),
  ...LAST.map((kind, index): [string, number] => [kind, index + 1]),
]);

interface Sortable {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export function compareForApply(a: Sortable, b: Sortable): number {
  const rankA = RANK.get(a.kind) ?? 0;
  const rankB = RANK.get(b.kind) ?? 0;
  if (rankA !== rankB) return rankA - rankB;
  const groupA = groupOf(a.apiVersion);
  const groupB = groupOf(b.apiVersion);
  if (groupA !== groupB) return groupA < groupB ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const namespaceA = a.namespace ?? '';
  const namespaceB = b.namespace ?? '';
  if (namespaceA !== namespaceB) return namespaceA < namespaceB ? -1 : 1;
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/** A sorted copy, in apply order. */
export function sortForApply<T>(items: T[], key: (item: T) => Sortable): T[] {
  return [...items].sort((a, b) => compareForApply(key(a), key(b)));
}

/** A sorted copy, in delete order: the reverse of apply order. */
export function sortForDelete<T>(items: T[], key: (item: T) => Sortable): T[] {
  return [...items].sort((a, b) => compareForApply(key(b), key(a)));
}
