import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ObjectId } from '@internal/plugin-gitops-common';
import { createKubeClient, KubeClient } from '@internal/plugin-gitops-node';
import {
  ControlPlane,
  describeWithControlPlane,
  GitServer,
  startControlPlane,
  startGitServer,
  testDatabaseIds,
} from '@internal/gitops-test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readGitOpsConfig } from './config';
import { createEngine } from './engine';
import { DatabaseObjectStore, migrate } from './store/DatabaseObjectStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const cm = (name: string, value: string, namespace = 'demo') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n  value: "${value}"\n`;

const kustomization = (name: string, sourcePath: string, extra = '') =>
  [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    `  path: ${sourcePath}`,
    '  prune: true',
    '  sourceRef:',
    '    kind: GitRepository',
    '    name: fleet',
    extra,
  ].join('\n');

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: gear, namespace: demo }
spec: { size: 3 }
`;

const id = (kind: string, name: string): ObjectId => ({ cluster: 'staging', kind, namespace: 'flux-system', name });

describeWithControlPlane()('the GitOps loop against a real apiserver and git server', () => {
  let controlPlane: ControlPlane;
  let git: GitServer;
  let kube: KubeClient;

  beforeAll(async () => {
    [controlPlane, git] = await Promise.all([startControlPlane(), startGitServer()]);
    kube = createKubeClient(controlPlane.kubeConfig);
  });

  afterAll(async () => {
    await Promise.all([controlPlane?.stop(), git?.stop()]);
  });

  it.each(databases.eachSupportedId())('converges, updates, prunes, corrects drift, suspends and reports failures (%s)', async databaseId => {
    const repoName = `fleet-${databaseId.toLowerCase()}`;
    const demoNamespace = `demo-${databaseId.toLowerCase().replace('_', '')}`;
    const ns = (text: string) => text.replace(/namespace: demo\b/g, `namespace: ${demoNamespace}`);
    const { url } = await git.createRepository(repoName, {
      'clusters/staging/infra.yaml': kustomization('infra', './infra'),
      'clusters/staging/apps.yaml': kustomization('apps', './apps', '  dependsOn:\n    - name: infra'),
      'infra/namespace.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${demoNamespace}\n`,
      'infra/widgets.yaml': ns(CRD),
      'apps/kustomization.yaml': 'resources:\n  - one.yaml\n  - two.yaml\n',
      'apps/one.yaml': ns(cm('one', 'v1')),
      'apps/two.yaml': ns(cm('two', 'v1')),
    });

    const knex = await databases.init(databaseId);
    await migrate(knex);
    const store = new DatabaseObjectStore(knex);
    const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-engine-'));
    const config = readGitOpsConfig(
      new ConfigReader({
        gitops: {
          clusters: [{ name: 'staging', kubeconfig: { path: controlPlane.kubeconfigPath } }],
          fleets: [{ name: 'fleet', url, path: './clusters/staging', cluster: 'staging', interval: '10m' }],
          workingDirectory: workDir,
        },
      }),
    );
    const engine = createEngine({
      config,
      store,
      db: knex,
      logger: mockServices.logger.mock(),
      instanceId: 'test',
      publishChange: async () => undefined,
    });

    /** Runs due work until nothing is due. */
    const converge = async () => {
      for (let round = 0; round < 30; round++) {
        const claimed = await engine.loop.tick();
        await engine.loop.idle();
        if (claimed === 0) return;
      }
      throw new Error('did not converge in 30 rounds');
    };
    const reconcileNow = async (objectId: ObjectId) => {
      await store.requestReconcile(objectId, new Date().toISOString(), 'test');
      await converge();
    };
    const configMap = (name: string) => kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: demoNamespace, name });
    const ready = async (objectId: ObjectId) => (await store.getObject(objectId))!.status.conditions?.find(c => c.type === 'Ready');

    // First sync: the fleet registers infra and apps; apps waits for infra; the CRD lands before its Widget.
    await engine.registerFleets();
    await converge();
    for (const objectId of [id('GitRepository', 'fleet'), id('Kustomization', 'fleet'), id('Kustomization', 'infra'), id('Kustomization', 'apps')]) {
      expect(await ready(objectId)).toMatchObject({ status: 'True' });
    }
    const head = (await store.getObject(id('GitRepository', 'fleet')))!.status.artifact!.revision;
    expect(head).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    expect((await store.getObject(id('Kustomization', 'apps')))!.status.lastAppliedRevision).toBe(head);
    expect((await configMap('one'))!.metadata.labels).toMatchObject({ 'kustomize.toolkit.fluxcd.io/name': 'apps' });
    expect(await kube.get({ apiVersion: 'example.com/v1', kind: 'Widget', namespace: demoNamespace, name: 'gear' })).toBeDefined();
    const apps = (await store.getObject(id('Kustomization', 'apps')))!;
    expect(apps.origin).toBe('staging/Kustomization/flux-system/fleet');
    expect(apps.status.inventory!.entries.map(e => e.id).sort()).toEqual([`${demoNamespace}_one__ConfigMap`, `${demoNamespace}_two__ConfigMap`]);

    // A new commit converges; a removed manifest is pruned.
    await git.commit(repoName, {
      'apps/one.yaml': ns(cm('one', 'v2')),
      'apps/two.yaml': null,
      'apps/kustomization.yaml': 'resources:\n  - one.yaml\n',
    });
    await reconcileNow(id('GitRepository', 'fleet'));
    expect((await configMap('one'))!.data).toEqual({ value: 'v2' });
    expect(await configMap('two')).toBeUndefined();
    const history = await store.listHistory(id('Kustomization', 'apps'), { offset: 0, limit: 1 });
    expect(history.items[0]).toMatchObject({ result: 'success', changeSet: { configured: 1, deleted: 1 } });

    const handled = (await store.getObject(id('GitRepository', 'fleet')))!;
    expect(handled.status.lastHandledReconcileAt).toBe(handled.annotations['reconcile.fluxcd.io/requestedAt']);

    // Drift in the cluster is corrected on the next reconcile.
    await kube.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: demoNamespace, name: 'one' }, { data: { value: 'drifted' } }, { type: 'merge', fieldManager: 'kubectl-edit' });
    await reconcileNow(id('Kustomization', 'apps'));
    expect((await configMap('one'))!.data).toEqual({ value: 'v2' });

    // Suspended: new commits wait; resumed: they apply.
    await store.setSuspended(id('Kustomization', 'apps'), true);
    await git.commit(repoName, { 'apps/one.yaml': ns(cm('one', 'v3')) });
    await reconcileNow(id('GitRepository', 'fleet'));
    expect((await configMap('one'))!.data).toEqual({ value: 'v2' });
    await store.setSuspended(id('Kustomization', 'apps'), false);
    await converge();
    expect((await configMap('one'))!.data).toEqual({ value: 'v3' });

    // A failing build leaves the cluster untouched and says why.
    await git.commit(repoName, { 'apps/one.yaml': ns(cm('one', 'v4')), 'apps/broken.yaml': 'kind: [', 'apps/kustomization.yaml': 'resources:\n  - one.yaml\n  - broken.yaml\n' });
    await reconcileNow(id('GitRepository', 'fleet'));
    expect(await ready(id('Kustomization', 'apps'))).toMatchObject({ status: 'False', reason: 'BuildFailed' });
    expect((await ready(id('Kustomization', 'apps')))!.message).toContain('apps/broken.yaml');
    expect((await configMap('one'))!.data).toEqual({ value: 'v3' });

    // Removing a Kustomization from git prunes what it applied.
    await git.commit(repoName, { 'apps/broken.yaml': null, 'apps/kustomization.yaml': 'resources:\n  - one.yaml\n', 'clusters/staging/apps.yaml': null });
    await reconcileNow(id('GitRepository', 'fleet'));
    expect(await store.getObject(id('Kustomization', 'apps'))).toBeUndefined();
    expect(await configMap('one')).toBeUndefined();

    // An unreachable git server keeps the last artifact and reports the cause.
    const artifact = (await store.getObject(id('GitRepository', 'fleet')))!.status.artifact;
    await store.upsertObject({
      ...id('GitRepository', 'fleet'),
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      spec: { url: 'http://127.0.0.1:1/gone.git', ref: { branch: 'main' }, interval: '10m', timeout: '5s' },
      origin: 'config',
    });
    await converge();
    const source = (await store.getObject(id('GitRepository', 'fleet')))!;
    expect(source.status.artifact).toEqual(artifact);
    expect(source.status.conditions?.find(c => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'GitOperationFailed' });
    expect(source.status.conditions?.find(c => c.type === 'Ready')!.message).toMatch(/unreachable/);
  });

  it('reads git credentials from the Secret the GitRepository references on its target cluster', async () => {
    const privateGit = await startGitServer({ basicAuth: { username: 'flux', password: 'pa55word' } });
    try {
      const { url } = await privateGit.createRepository('private', {
        'deploy/cm.yaml': cm('private', 'yes', 'default'),
      });
      const knex = await databases.init('SQLITE_3');
      await migrate(knex);
      const store = new DatabaseObjectStore(knex);
      const config = readGitOpsConfig(
        new ConfigReader({
          gitops: {
            clusters: [{ name: 'staging', kubeconfig: { path: controlPlane.kubeconfigPath } }],
            fleets: [{ name: 'private', url, path: './deploy', cluster: 'staging', interval: '10m', secretRef: 'private-auth' }],
            workingDirectory: await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-engine-')),
          },
        }),
      );
      const engine = createEngine({ config, store, db: knex, logger: mockServices.logger.mock(), instanceId: 't', publishChange: async () => undefined });
      const run = async () => {
        for (let round = 0; round < 10 && (await engine.loop.tick()) > 0; round++) await engine.loop.idle();
      };
      await engine.registerFleets();
      const source = id('GitRepository', 'private');

      // Without the Secret: a clear condition, nothing applied.
      await run();
      let ready = (await store.getObject(source))!.status.conditions!.find(c => c.type === 'Ready')!;
      expect(ready).toMatchObject({ status: 'False', reason: 'AuthenticationFailed' });
      expect(ready.message).toContain("secret 'flux-system/private-auth' not found");

      // With a wrong password: authentication fails and the password is not in the message.
      await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flux-system' } });
      const secret = (password: string) => ({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'private-auth', namespace: 'flux-system' },
        stringData: { username: 'flux', password },
      });
      await kube.apply(secret('wrong-one'));
      await store.requestReconcile(source, new Date().toISOString());
      await run();
      ready = (await store.getObject(source))!.status.conditions!.find(c => c.type === 'Ready')!;
      expect(ready).toMatchObject({ status: 'False', reason: 'AuthenticationFailed' });
      expect(ready.message).not.toContain('wrong-one');

      await kube.apply(secret('pa55word'));
      await store.requestReconcile(source, new Date().toISOString());
      await run();
      expect((await store.getObject(source))!.status.conditions!.find(c => c.type === 'Ready')).toMatchObject({ status: 'True' });
      expect(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'private' })).toBeDefined();
    } finally {
      await privateGit.stop();
    }
  });
});
