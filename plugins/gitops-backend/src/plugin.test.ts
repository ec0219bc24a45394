import { createServiceFactory, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { testDatabaseIds } from '@internal/gitops-test';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { gitopsPlugin } from './plugin';
import { DatabaseObjectStore } from './store/DatabaseObjectStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'podinfo',
      namespace: 'default',
      annotations: { 'gitops.backstage.io/objects': 'Kustomization/flux-system/apps, staging/GitRepository/flux-system/fleet' },
    },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'web', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'web' } },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'broken', namespace: 'default', annotations: { 'gitops.backstage.io/objects': 'nonsense' } },
    spec: {},
  },
];

const objects: Array<{ kind: string; name: string; apiVersion: string; labels: Record<string, string> }> = [
  { kind: 'Kustomization', name: 'apps', apiVersion: 'kustomize.toolkit.fluxcd.io/v1', labels: {} },
  { kind: 'GitRepository', name: 'fleet', apiVersion: 'source.toolkit.fluxcd.io/v1', labels: {} },
  { kind: 'Kustomization', name: 'web', apiVersion: 'kustomize.toolkit.fluxcd.io/v1', labels: { 'backstage.io/kubernetes-id': 'web' } },
  { kind: 'Kustomization', name: 'other', apiVersion: 'kustomize.toolkit.fluxcd.io/v1', labels: {} },
];

describe.each(databases.eachSupportedId())('gitops plugin on %s', databaseId => {
  const published: unknown[] = [];

  async function start(permissions: ServiceFactory = mockServices.permissions.factory({ result: AuthorizeResult.ALLOW })) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        gitopsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { gitops: { defaultCluster: 'staging', scheduler: { pollSeconds: 3600 } } },
        }),
        permissions,
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async (signal: unknown) => void published.push(signal) }),
        }),
      ],
    });
    const store = new DatabaseObjectStore(knex);
    for (const object of objects) {
      await store.upsertObject({
        cluster: 'staging',
        namespace: 'flux-system',
        spec: { interval: '5m' },
        origin: 'config',
        ...object,
      });
    }
    return { server, store };
  }

  it('answers /health without credentials and lists objects', async () => {
    const { server } = await start();
    await request(server).get('/api/gitops/health').expect(200, { status: 'ok' });
    const response = await request(server).get('/api/gitops/objects').expect(200);
    expect(response.body.items).toHaveLength(4);
    const filtered = await request(server).get('/api/gitops/objects?kind=GitRepository').expect(200);
    expect(filtered.body.items.map((o: { name: string }) => o.name)).toEqual(['fleet']);
  });

  it('filters by entity through both link styles, and reports unknown entities and bad annotations', async () => {
    const { server } = await start();
    const annotated = await request(server).get('/api/gitops/objects?entityRef=component:default/podinfo').expect(200);
    expect(annotated.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['apps', 'fleet']);
    const labelled = await request(server).get('/api/gitops/objects?entityRef=component:default/web').expect(200);
    expect(labelled.body.items.map((o: { name: string }) => o.name)).toEqual(['web']);
    const missing = await request(server).get('/api/gitops/objects?entityRef=component:default/nope').expect(404);
    expect(missing.body.error.message).toContain('component:default/nope');
    const broken = await request(server).get('/api/gitops/objects?entityRef=component:default/broken').expect(400);
    expect(broken.body.error.message).toContain('nonsense');
    await request(server).get('/api/gitops/objects?health=Sideways').expect(400);
    await request(server).get('/api/gitops/objects?bogus=1').expect(400);
    await request(server).get('/api/gitops/objects?entityRef=no-kind').expect(400);
  });

  it('serves one object, its history and events, and 404s for unknown ones', async () => {
    const { server, store } = await start();
    const path = '/api/gitops/objects/staging/Kustomization/flux-system/apps';
    const one = await request(server).get(path).expect(200);
    expect(one.body).toMatchObject({ kind: 'Kustomization', name: 'apps', generation: 1, health: 'Unknown' });
    await store.addEvent({ cluster: 'staging', kind: 'Kustomization', namespace: 'flux-system', name: 'apps' }, { severity: 'error', reason: 'BuildFailed', message: 'boom' });
    const events = await request(server).get(`${path}/events?limit=5`).expect(200);
    expect(events.body).toMatchObject({ total: 1, limit: 5, items: [{ reason: 'BuildFailed', message: 'boom' }] });
    await request(server).get(`${path}/history?limit=0`).expect(400);
    await request(server).get('/api/gitops/objects/staging/Kustomization/flux-system/nope').expect(404);
  });

  it('records reconcile requests, suspends and resumes, with events and signals', async () => {
    const { server } = await start();
    const path = '/api/gitops/objects/staging/Kustomization/flux-system/apps';
    const reconcile = await request(server).post(`${path}/reconcile`).expect(202);
    expect(reconcile.body.requestedAt).toBeDefined();
    expect(reconcile.body.object.annotations['reconcile.fluxcd.io/requestedAt']).toBe(reconcile.body.requestedAt);
    const suspended = await request(server).post(`${path}/suspend`).expect(200);
    expect(suspended.body.object).toMatchObject({ suspended: true, health: 'Suspended' });
    const resumed = await request(server).post(`${path}/resume`).expect(200);
    expect(resumed.body.object.suspended).toBe(false);
    const events = await request(server).get(`${path}/events`).expect(200);
    expect(events.body.items.map((e: { reason: string }) => e.reason)).toEqual(['Resumed', 'Suspended', 'ReconcileRequested']);
    expect(events.body.items[0].message).toMatch(/^resumed by user:/);
    expect(published.length).toBeGreaterThanOrEqual(3);
    await request(server).post('/api/gitops/objects/staging/Kustomization/flux-system/nope/suspend').expect(404);
  });

  it('denies every route without permission', async () => {
    const { server } = await start(mockServices.permissions.factory({ result: AuthorizeResult.DENY }));
    const path = '/api/gitops/objects/staging/Kustomization/flux-system/apps';
    await request(server).get('/api/gitops/objects').expect(403);
    await request(server).get(path).expect(403);
    await request(server).get(`${path}/history`).expect(403);
    await request(server).get(`${path}/events`).expect(403);
    for (const action of ['reconcile', 'suspend', 'resume']) {
      await request(server).post(`${path}/${action}`).expect(403);
    }
  });

  it('asks for the permission of each action on the object, and treats conditional decisions as deny', async () => {
    const asked: string[] = [];
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => {
          asked.push(`${r.permission.name} ${'resourceRef' in r ? r.resourceRef : ''}`);
          return { result: r.permission.name === 'gitops.object.read' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
        }),
      authorizeConditional: async requests =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'gitops',
          resourceType: 'gitops-object',
          conditions: { rule: 'IS_OWNER', resourceType: 'gitops-object', params: {} },
        })),
    });
    const { server } = await start(permissions.factory);
    const path = '/api/gitops/objects/staging/Kustomization/flux-system/apps';
    await request(server).get(path).expect(200);
    await request(server).post(`${path}/reconcile`).expect(403);
    await request(server).post(`${path}/suspend`).expect(403);
    await request(server).get('/api/gitops/objects').expect(403);
    expect(asked).toEqual([
      'gitops.object.read staging/Kustomization/flux-system/apps',
      'gitops.object.reconcile staging/Kustomization/flux-system/apps',
      'gitops.object.suspend staging/Kustomization/flux-system/apps',
    ]);
  });
});
