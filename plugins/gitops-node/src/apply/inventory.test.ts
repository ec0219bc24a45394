import { diffInventory, inventoryEntryFor, inventoryFromChangeSet, refFromInventoryEntry } from './inventory';

describe('inventory entries', () => {
  it('uses Flux format for namespaced and cluster-scoped objects', () => {
    expect(
      inventoryEntryFor({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'podinfo', namespace: 'apps' } }),
    ).toEqual({ id: 'apps_podinfo_apps_Deployment', v: 'v1' });
    expect(inventoryEntryFor({ apiVersion: 'v1', kind: 'Namespace', name: 'apps' })).toEqual({
      id: '_apps__Namespace',
      v: 'v1',
    });
  });

  it('spells colons of RBAC names as double underscores and reads them back', () => {
    const ref = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'system:auth-delegator' };
    const entry = inventoryEntryFor(ref);
    expect(entry).toEqual({ id: '_system__auth-delegator_rbac.authorization.k8s.io_ClusterRole', v: 'v1' });
    expect(refFromInventoryEntry(entry)).toEqual(ref);
  });

  it('round-trips core and grouped kinds', () => {
    for (const ref of [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'a.b', namespace: 'ns' },
      { apiVersion: 'example.com/v1beta1', kind: 'Widget', name: 'w', namespace: 'ns' },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'widgets.example.com' },
    ]) {
      expect(refFromInventoryEntry(inventoryEntryFor(ref))).toEqual(ref);
    }
  });

  it('rejects entries that are not in Flux format', () => {
    expect(() => refFromInventoryEntry({ id: 'nonsense', v: 'v1' })).toThrow('invalid inventory entry id "nonsense"');
    expect(() => refFromInventoryEntry({ id: 'ns_a_b_c_apps_Deployment', v: 'v1' })).toThrow('invalid inventory entry');
    expect(() => refFromInventoryEntry({ id: 'ns_a_apps_Deployment', v: '' })).toThrow('needs a string id and version');
    expect(() => refFromInventoryEntry(undefined as never)).toThrow('invalid inventory entry');
  });

  it('builds the inventory from a change set without duplicates', () => {
    const entry = { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'ns', subject: 'ConfigMap/ns/c' };
    expect(
      inventoryFromChangeSet({ entries: [{ ...entry, action: 'created' }, { ...entry, action: 'unchanged' }] }),
    ).toEqual([{ id: 'ns_c__ConfigMap', v: 'v1' }]);
  });
});

describe('diffInventory', () => {
  it('returns the entries the new inventory dropped', () => {
    const a = { id: 'ns_a__ConfigMap', v: 'v1' };
    const b = { id: 'ns_b_apps_Deployment', v: 'v1' };
    const c = { id: '_ns__Namespace', v: 'v1' };
    expect(diffInventory([a, b, c], [a, { ...b, v: 'v2' }])).toEqual([c]);
    expect(diffInventory(undefined, [a])).toEqual([]);
    expect(diffInventory([a], undefined)).toEqual([a]);
  });
});
