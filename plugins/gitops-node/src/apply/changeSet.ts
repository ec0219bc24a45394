import { formatRef } from '../kube/format';
import type { ObjectRef } from '../kube/types';
import type { ChangeAction, ChangeSet, ChangeSetEntry } from './types';

export function changeSetEntry(ref: ObjectRef, action: ChangeAction): ChangeSetEntry {
  return {
    subject: formatRef(ref),
    action,
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    name: ref.name,
  };
}

/** Counts per action, in the shape of a history entry's `changeSet`. */
export function summarizeChangeSet(changeSet: ChangeSet): {
  created: number;
  configured: number;
  unchanged: number;
  deleted: number;
  skipped: number;
} {
  const counts = { created: 0, configured: 0, unchanged: 0, deleted: 0, skipped: 0 };
  for (const entry of changeSet.entries) {
    if (entry.action in counts) counts[entry.action as keyof typeof counts] += 1;
  }
  return counts;
}

/** One `Kind/namespace/name action` line per entry that changed something, as Flux logs and events show it. */
export function formatChangeSet(changeSet: ChangeSet, options: { includeUnchanged?: boolean } = {}): string {
  return changeSet.entries
    .filter(entry => options.includeUnchanged || entry.action !== 'unchanged')
    .map(entry => `${entry.subject} ${entry.action}`)
    .join('\n');
}
