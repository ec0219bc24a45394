import type { InventoryEntry } from '@internal/plugin-gitops-common';
import { groupOf, versionOf } from '../kube/format';
import type { ObjectRef } from '../kube/types';
import type { ChangeSet } from './types';

const SEPARATOR = '_';
/** RBAC names may hold colons (`system:auth-delegator`); the inventory spells them as double underscores. */
const COLON = '__';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

interface Identified {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Flux's inventory entry of an object: `<namespace>_<name>_<group>_<kind>` and its version. */
export function inventoryEntryFor(object: Identified | { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }): InventoryEntry {
  const ref: Identified =
    'metadata' in object
      ? { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace }
      : object;
  const group = groupOf(ref.apiVersion);
  const name = group === RBAC_GROUP && RBAC_KINDS.has(ref.kind) ? ref.name.replace(/:/g, COLON) : ref.name;
  return { id: [ref.namespace ?? '', name, group, ref.kind].join(SEPARATOR), v: versionOf(ref.apiVersion) };
}

/** The inventory of what an apply manages: every entry of its change set, in order, without duplicates. */
export function inventoryFromChangeSet(changeSet: ChangeSet): InventoryEntry[] {
  const seen = new Set<string>();
  const entries: InventoryEntry[] = [];
  for (const entry of changeSet.entries) {
    const inventoryEntry = inventoryEntryFor(entry);
    if (seen.has(inventoryEntry.id)) continue;
    seen.add(inventoryEntry.id);
    entries.push(inventoryEntry);
  }
  return entries;
}

/** The object an inventory entry names. Throws on an entry that is not in Flux's format. */
export function refFromInventoryEntry(entry: InventoryEntry): ObjectRef {
  const id = entry?.id;
  if (typeof id !== 'string' || typeof entry.v !== 'string' || !entry.v) {
    throw new Error(`invalid inventory entry ${JSON.stringify(entry)}: needs a string id and version`);
  }
  const first = id.indexOf(SEPARATOR);
  const last = id.lastIndexOf(SEPARATOR);
  const beforeLast = last > 0 ? id.lastIndexOf(SEPARATOR, last - 1) : -1;
  if (first < 0 || beforeLast <= first) throw new Error(`invalid inventory entry id "${id}"`);
  const namespace = id.slice(0, first);
  const name = id.slice(first + 1, beforeLast).replace(/__/g, ':');
  const group = id.slice(beforeLast + 1, last);
  const kind = id.slice(last + 1);
  if (!name || !kind || name.includes(SEPARATOR)) throw new Error(`invalid inventory entry id "${id}"`);
  return {
    apiVersion: group ? `${group}/${entry.v}` : entry.v,
    kind,
    name,
    ...(namespace ? { namespace } : {}),
  };
}

/** Entries of the old inventory that the new one no longer has: what a prune deletes. */
export function diffInventory(previous: InventoryEntry[] | undefined, next: InventoryEntry[] | undefined): InventoryEntry[] {
  const kept = new Set((next ?? []).map(entry => entry.id));
  return (previous ?? []).filter(entry => !kept.has(entry.id));
}
