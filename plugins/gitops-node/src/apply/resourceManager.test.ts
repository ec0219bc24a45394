import { describeWithControlPlane, startControlPlane } from '@internal/gitops-test';
import { createKubeClient } from '../kube/client';
import type { KubeClient, KubeObject } from '../kube/types';
import { PRUNE_ANNOTATION, SSA_ANNOTATION } from './annotations';
import { ApplyError } from './errors';
import { diffInventory, inventoryFromChangeSet, refFromInventoryEntry } from './inventory';
import { ResourceManager } from './resourceManager';
import { configMap, deployment, job, namespaceObject, service, widget, widgetDefinition } from './testObjects';
import type { ChangeSet } from './types';

const describeKube = describeWithControlPlane();
const FAST = { waitInterval: 100, waitTimeout: 20_000 };

function actions(changeSet: ChangeSet): Record<string, string> {
  return Object.fromEntries(changeSet.entries.map(entry => [entry.subject, entry.action]));
}

describeKube('ResourceManager against a real kube-apiserver', () => {
  let controlPlane: Awaited<ReturnType<typeof startControlPlane>>;
  let client: KubeClient;
  let manager: ResourceManager;
  let counter = 0;

  /** A fresh namespace per test, so tests never see each other's objects. */
  async function freshNamespace(): Promise<string> {
    counter += 1;
    const name = `apply-${counter}-${Date.now().toString(36)}`;
    await manager.applyAllStaged([namespaceObject(name)], FAST);
    return name;
  }

  beforeAll(async () => {
    controlPlane = await startControlPlane();
    client = createKubeClient(controlPlane.kubeConfig);
    manager = new ResourceManager({ client });
  }, 120_000);

  afterAll(async () => {
    await controlPlane?.stop();
  });

  it('creates objects, then reports them unchanged without writing again', async () => {
    const ns = await freshNamespace();
    const objects = [deployment(ns, 'web'), service(ns, 'web'), configMap(ns, 'settings', { mode: 'fast' })];
    const first = await manager.applyAllStaged(objects, FAST);
    expect(first.entries.map(entry => `${entry.subject} ${entry.action}`)).toEqual([
      `ConfigMap/${ns}/settings created`,
      `Service/${ns}/web created`,
      `Deployment/${ns}/web created`,
    ]);
    const before = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'web' });

    const second = await manager.applyAllStaged(objects, FAST);
    expect(second.entries.every(entry => entry.action === 'unchanged')).toBe(true);
    const after = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'web' });
    expect(after?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion);
  });

  it('reports a field changed by another field manager as configured and sets it back', async () => {
    const ns = await freshNamespace();
    const desired = configMap(ns, 'settings', { mode: 'fast' }, { labels: { team: 'web' } });
    await manager.applyAll([desired], FAST);
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'settings' };
    // What `kubectl patch` sends.
    await client.patch(ref, { data: { mode: 'slow' } }, { type: 'strategic', fieldManager: 'kubectl-patch' });

    const changeSet = await manager.applyAll([desired], FAST);
    expect(actions(changeSet)).toEqual({ [`ConfigMap/${ns}/settings`]: 'configured' });
    expect((await client.get(ref))?.data).toEqual({ mode: 'fast' });
    expect(actions(await manager.applyAll([desired], FAST))).toEqual({ [`ConfigMap/${ns}/settings`]: 'unchanged' });
  });

  it('applies a CustomResourceDefinition and a custom resource of it in one staged apply', async () => {
    const ns = `crd-${Date.now().toString(36)}`;
    const group = `${ns}.example.com`;
    const objects = [widget(group, ns, 'w1', 3), namespaceObject(ns), widgetDefinition(group)];
    const changeSet = await manager.applyAllStaged(objects, FAST);
    expect(changeSet.entries.map(entry => `${entry.subject} ${entry.action}`)).toEqual([
      `CustomResourceDefinition/widgets.${group} created`,
      `Namespace/${ns} created`,
      `Widget/${ns}/w1 created`,
    ]);
    const live = await client.get({ apiVersion: `${group}/v1`, kind: 'Widget', namespace: ns, name: 'w1' });
    expect(live?.spec).toEqual({ size: 3 });
    const again = await manager.applyAllStaged(objects, FAST);
    expect(again.entries.every(entry => entry.action === 'unchanged')).toBe(true);
  });

  it('creates namespaces before the objects in them, which a single-stage apply cannot', async () => {
    const ns = `late-${Date.now().toString(36)}`;
    const objects = [configMap(ns, 'settings', { a: 'b' }), namespaceObject(ns)];
    const unstaged = manager.applyAll(objects, FAST);
    await expect(unstaged).rejects.toThrow(ApplyError);
    await expect(unstaged).rejects.toThrow(new RegExp(`ConfigMap/${ns}/settings: dry-run failed \\(NotFound\\): namespaces "${ns}" not found`));

    const staged = await manager.applyAllStaged(objects, FAST);
    expect(staged.entries.map(entry => entry.subject)).toEqual([`Namespace/${ns}`, `ConfigMap/${ns}/settings`]);
  });

  it('prunes only objects carrying the owner labels and not protected by prune: disabled', async () => {
    const ns = await freshNamespace();
    const owner = { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' };
    await manager.applyAll(
      [
        configMap(ns, 'owned', { a: '1' }, { labels: owner }),
        configMap(ns, 'foreign', { a: '1' }, { labels: { ...owner, 'kustomize.toolkit.fluxcd.io/name': 'other' } }),
        configMap(ns, 'protected', { a: '1' }, { labels: owner, annotations: { [PRUNE_ANNOTATION]: 'disabled' } }),
        deployment(ns, 'owned-app'),
      ],
      FAST,
    );
    await client.patch({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'owned-app' }, { metadata: { labels: owner } }, { type: 'merge' });
    const ref = (kind: string, name: string) => ({ apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1', kind, namespace: ns, name });

    const changeSet = await manager.delete(
      [ref('ConfigMap', 'owned'), ref('ConfigMap', 'foreign'), ref('ConfigMap', 'protected'), ref('ConfigMap', 'gone'), ref('Deployment', 'owned-app')],
      { ownerLabels: owner },
    );
    expect(changeSet.entries.map(entry => `${entry.subject} ${entry.action}`)).toEqual([
      `Deployment/${ns}/owned-app deleted`,
      `ConfigMap/${ns}/protected skipped`,
      `ConfigMap/${ns}/owned deleted`,
      `ConfigMap/${ns}/gone deleted`,
      `ConfigMap/${ns}/foreign skipped`,
    ]);
    expect(await client.get(ref('ConfigMap', 'owned'))).toBeUndefined();
    expect(await client.get(ref('ConfigMap', 'foreign'))).toBeDefined();
    expect(await client.get(ref('ConfigMap', 'protected'))).toBeDefined();
    await expect(manager.delete([ref('ConfigMap', 'foreign')], { ownerLabels: {} })).rejects.toThrow('delete needs ownerLabels');
  });

  it('prunes what a new revision dropped from the inventory', async () => {
    const ns = await freshNamespace();
    const owner = { 'kustomize.toolkit.fluxcd.io/name': 'inv' };
    const first = await manager.applyAll([configMap(ns, 'a', {}, { labels: owner }), configMap(ns, 'b', {}, { labels: owner })], FAST);
    const second = await manager.applyAll([configMap(ns, 'a', {}, { labels: owner })], FAST);
    const stale = diffInventory(inventoryFromChangeSet(first), inventoryFromChangeSet(second));
    expect(stale).toEqual([{ id: `${ns}_b__ConfigMap`, v: 'v1' }]);
    const pruned = await manager.delete(stale.map(refFromInventoryEntry), { ownerLabels: owner });
    expect(actions(pruned)).toEqual({ [`ConfigMap/${ns}/b`]: 'deleted' });
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'a' })).toBeDefined();
  });

  it('refuses immutable field changes without force and recreates the object with force', async () => {
    const ns = await freshNamespace();
    await manager.applyAll([deployment(ns, 'web', { app: 'web' })], FAST);
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'web' };
    const uid = (await client.get(ref))?.metadata.uid;
    const changed = deployment(ns, 'web', { app: 'web-v2' });

    const refused = manager.applyAll([changed], FAST);
    await expect(refused).rejects.toThrow(
      new RegExp(`Deployment/${ns}/web: immutable field change rejected \\(spec.selector: .*field is immutable\\); enable force`),
    );
    expect((await client.get(ref))?.metadata.uid).toBe(uid);

    const forced = await manager.applyAll([changed], { ...FAST, force: true });
    expect(actions(forced)).toEqual({ [`Deployment/${ns}/web`]: 'created' });
    const live = await client.get(ref);
    expect(live?.metadata.uid).not.toBe(uid);
    expect((live?.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: 'web-v2' } });
  });

  it('recreates a Job whose template changed when the object asks for force', async () => {
    const ns = await freshNamespace();
    await manager.applyAll([job(ns, 'migrate', 'registry.example/migrate:1')], FAST);
    const forced = job(ns, 'migrate', 'registry.example/migrate:2', { 'kustomize.toolkit.fluxcd.io/force': 'enabled' });
    expect(actions(await manager.applyAll([forced], FAST))).toEqual({ [`Job/${ns}/migrate`]: 'created' });
  });

  it('honours ssa: IfNotPresent and ssa: Ignore', async () => {
    const ns = await freshNamespace();
    const once = configMap(ns, 'seed', { v: '1' }, { annotations: { [SSA_ANNOTATION]: 'IfNotPresent' } });
    const ignored = configMap(ns, 'ignored', { v: '1' }, { annotations: { [SSA_ANNOTATION]: 'Ignore' } });
    expect(actions(await manager.applyAll([once, ignored], FAST))).toEqual({
      [`ConfigMap/${ns}/seed`]: 'created',
      [`ConfigMap/${ns}/ignored`]: 'skipped',
    });
    const seeded = { ...once, data: { v: '2' } };
    expect(actions(await manager.applyAll([seeded], FAST))).toEqual({ [`ConfigMap/${ns}/seed`]: 'skipped' });
    expect((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'seed' }))?.data).toEqual({ v: '1' });
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'ignored' })).toBeUndefined();

    // An ignored object of the first stage is not waited for: it may never exist.
    const ignoredNamespace = { ...namespaceObject(`${ns}-ignored`), metadata: { name: `${ns}-ignored`, annotations: { [SSA_ANNOTATION]: 'Ignore' } } };
    const staged = await manager.applyAllStaged([ignoredNamespace], { waitInterval: 100, waitTimeout: 2_000 });
    expect(actions(staged)).toEqual({ [`Namespace/${ns}-ignored`]: 'skipped' });
  });

  it('stops before the last stage when a definition does not become ready', async () => {
    const group = `conflict-${Date.now().toString(36)}.example.com`;
    const first = widgetDefinition(group);
    await manager.applyAllStaged([first], FAST);
    // Same kind under another plural: the apiserver refuses the names.
    const clash = JSON.parse(JSON.stringify(first)) as KubeObject & { spec: { names: Record<string, string> } };
    clash.metadata.name = `gadgets.${group}`;
    clash.spec.names = { kind: 'Widget', plural: 'gadgets', singular: 'gadget', listKind: 'WidgetList' };
    const ns = await freshNamespace();
    const attempt = manager.applyAllStaged([clash, configMap(ns, 'after', {})], FAST);
    await expect(attempt).rejects.toThrow(
      new RegExp(`did not become ready \\(failed\\):\nCustomResourceDefinition/gadgets.${group.replace(/\./g, '\\.')}: status 'Failed': ListKindConflict: "WidgetList" is already in use`),
    );
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'after' })).toBeUndefined();
  });

  it('names the object in validation errors and applies nothing of a failing set', async () => {
    const ns = await freshNamespace();
    const bad = configMap(ns, 'Bad_Name', { a: 'b' });
    const good = configMap(ns, 'good', { a: 'b' });
    const attempt = manager.applyAll([good, bad], FAST);
    await expect(attempt).rejects.toThrow(new RegExp(`ConfigMap/${ns}/Bad_Name: dry-run failed \\(Invalid\\): metadata.name: Invalid value`));
    expect(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'good' })).toBeUndefined();

    const unknown = { apiVersion: 'nowhere.example.com/v1', kind: 'Gizmo', metadata: { name: 'g', namespace: ns } };
    await expect(manager.applyAll([unknown], FAST)).rejects.toThrow(`Gizmo/${ns}/g: no matches for kind "Gizmo"`);
    const noNamespace = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'floating' } };
    await expect(manager.applyAll([noNamespace], FAST)).rejects.toThrow('ConfigMap/floating: namespace not specified');
    await expect(manager.applyAll([good, good], FAST)).rejects.toThrow(`ConfigMap/${ns}/good appears more than once`);
    await expect(manager.applyAll([{ kind: 'ConfigMap' } as unknown as KubeObject], FAST)).rejects.toThrow('object #1: object has no apiVersion');
  });

  it('waits for a Deployment to become ready, and times out with the reason otherwise', async () => {
    const ns = await freshNamespace();
    const objects = [deployment(ns, 'web', { replicas: 2 }), configMap(ns, 'settings', {})];
    await manager.applyAll(objects, FAST);

    const started = Date.now();
    const timedOut = manager.wait(objects, { timeout: 1_000, interval: 100 });
    await expect(timedOut).rejects.toThrow(`timeout waiting for: [Deployment/${ns}/web status: 'InProgress': Replicas: 0/2]`);
    expect(Date.now() - started).toBeLessThan(5_000);

    // No kubelet runs here: play the deployment controller and report the rollout done.
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'web' };
    const live = await client.get(ref);
    const now = new Date().toISOString();
    await client.patch(
      ref,
      {
        status: {
          observedGeneration: live?.metadata.generation,
          replicas: 2,
          updatedReplicas: 2,
          readyReplicas: 2,
          availableReplicas: 2,
          conditions: [
            { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'ok', lastUpdateTime: now, lastTransitionTime: now },
            { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'done', lastUpdateTime: now, lastTransitionTime: now },
          ],
        },
      },
      { type: 'merge', subresource: 'status' },
    );
    const reports = await manager.wait(objects, { timeout: 5_000, interval: 100 });
    expect(reports.map(report => report.status)).toEqual(['Current', 'Current']);
  });

  it('fails a wait early when an object is Failed, and reports missing objects', async () => {
    const ns = await freshNamespace();
    await manager.applyAll([deployment(ns, 'stuck')], FAST);
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: ns, name: 'stuck' };
    const now = new Date().toISOString();
    await client.patch(
      ref,
      {
        status: {
          observedGeneration: 1,
          conditions: [
            { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "stuck-1" has timed out progressing.', lastUpdateTime: now, lastTransitionTime: now },
          ],
        },
      },
      { type: 'merge', subresource: 'status' },
    );
    const started = Date.now();
    await expect(manager.wait([ref], { timeout: 30_000, interval: 100 })).rejects.toThrow(
      `failed early due to failed resources: [Deployment/${ns}/stuck status: 'Failed': Progress deadline exceeded: ReplicaSet "stuck-1" has timed out progressing.]`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(
      manager.wait([{ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'absent' }], { timeout: 300, interval: 100 }),
    ).rejects.toThrow(`ConfigMap/${ns}/absent status: 'NotFound': object not found`);
  });
});
