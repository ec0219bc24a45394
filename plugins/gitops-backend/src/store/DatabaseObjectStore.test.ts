import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/gitops-test';
import { DatabaseObjectStore, migrate, rollbackAll } from './DatabaseObjectStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

const ks = { cluster: 'staging', kind: 'Kustomization', namespace: 'flux-system', name: 'apps' };
const input = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...ks,
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  spec,
  origin: 'config',
  ...extra,
});

describe.each(databases.eachSupportedId())('DatabaseObjectStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    return { knex, store: new DatabaseObjectStore(knex) };
  }

  it('runs its migrations up and down', async () => {
    const { knex } = await createStore();
    expect(await knex.schema.hasTable('gitops_objects')).toBe(true);
    expect(await knex.schema.hasTable('gitops_artifacts')).toBe(true);
    await rollbackAll(knex);
    for (const table of ['gitops_objects', 'gitops_work_items', 'gitops_history', 'gitops_events', 'gitops_artifacts']) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await migrate(knex);
    expect(await knex.schema.hasTable('gitops_work_items')).toBe(true);
  });

  it('creates objects due at once and bumps the generation only when the spec changes', async () => {
    const { store } = await createStore();
    const created = await store.upsertObject(input({ interval: '5m', path: './a' }, { labels: { team: 'a' } }));
    expect(created).toMatchObject({ created: true, specChanged: true });
    expect(created.object).toMatchObject({ generation: 1, suspended: false, health: 'Unknown', labels: { team: 'a' } });
    expect(Date.parse(created.object.nextReconcileAt!)).toBeLessThanOrEqual(Date.now());

    const same = await store.upsertObject(input({ interval: '5m', path: './a' }, { labels: { team: 'b' } }));
    expect(same).toMatchObject({ created: false, specChanged: false });
    expect(same.object).toMatchObject({ generation: 1, labels: { team: 'b' } });

    const changed = await store.upsertObject(input({ interval: '5m', path: './b' }));
    expect(changed.object.generation).toBe(2);
  });

  it('keeps a suspension made in the portal until git changes spec.suspend', async () => {
    const { store } = await createStore();
    await store.upsertObject(input({ interval: '5m' }));
    expect((await store.setSuspended(ks, true))!.health).toBe('Suspended');
    expect((await store.upsertObject(input({ interval: '10m' }))).object.suspended).toBe(true);
    expect((await store.upsertObject(input({ interval: '10m', suspend: false }))).object.suspended).toBe(false);
    expect((await store.upsertObject(input({ interval: '10m', suspend: true }))).object.suspended).toBe(true);
  });

  it('filters objects by cluster, kind, origin, ids, label and health', async () => {
    const { store } = await createStore();
    await store.upsertObject(input({ interval: '5m' }));
    await store.upsertObject({ ...input({ url: 'x', interval: '1m' }), kind: 'GitRepository', apiVersion: 'source.toolkit.fluxcd.io/v1' });
    await store.upsertObject({ ...input({ interval: '1m' }), name: 'podinfo', origin: 'staging/Kustomization/flux-system/apps', labels: { 'backstage.io/kubernetes-id': 'podinfo' } });
    await store.upsertObject({ ...input({ interval: '1m' }), cluster: 'production' });
    await store.updateStatus(ks, { conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded', message: 'ok', lastTransitionTime: new Date().toISOString() }] });

    expect((await store.listObjects()).length).toBe(4);
    expect((await store.listObjects({ cluster: 'production' })).map(o => o.cluster)).toEqual(['production']);
    expect((await store.listObjects({ kind: 'GitRepository' })).map(o => o.name)).toEqual(['apps']);
    expect((await store.listObjects({ origin: 'staging/Kustomization/flux-system/apps' })).map(o => o.name)).toEqual(['podinfo']);
    expect((await store.listObjects({ ids: [ks, { ...ks, name: 'missing' }] })).length).toBe(1);
    expect((await store.listObjects({ ids: [] })).length).toBe(0);
    expect((await store.listObjects({ label: { key: 'backstage.io/kubernetes-id', value: 'podinfo' } })).map(o => o.name)).toEqual(['podinfo']);
    expect((await store.listObjects({ health: 'Ready' })).map(o => `${o.cluster}/${o.kind}/${o.name}`)).toEqual(['staging/Kustomization/apps']);
  });

  it('pages history and events newest first, records reconcile requests, and deletes with children', async () => {
    const { store, knex } = await createStore();
    await store.upsertObject(input({ interval: '5m' }));
    for (let i = 0; i < 5; i++) {
      await store.addHistory(ks, {
        revision: `main@sha1:${i}`,
        result: i % 2 ? 'failure' : 'success',
        reason: 'ReconciliationSucceeded',
        message: `run ${i}`,
        trigger: 'schedule',
        startedAt: new Date(Date.now() - (5 - i) * 1000).toISOString(),
        durationMs: 12,
        changeSet: { created: i, configured: 0, unchanged: 0, deleted: 0, skipped: 0 },
      });
      await store.addEvent(ks, { severity: i % 2 ? 'error' : 'info', reason: 'R', message: `event ${i}` });
    }
    const page = await store.listHistory(ks, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map(h => h.message)).toEqual(['run 3', 'run 2']);
    expect(page.items[0].changeSet).toEqual({ created: 3, configured: 0, unchanged: 0, deleted: 0, skipped: 0 });
    const errors = await store.listEvents(ks, { offset: 0, limit: 10, severity: 'error' });
    expect(errors.items.map(e => e.message)).toEqual(['event 3', 'event 1']);

    const requested = await store.requestReconcile(ks, '2026-11-25T10:00:00Z', 'user:default/guest');
    expect(requested!.annotations['reconcile.fluxcd.io/requestedAt']).toBe('2026-11-25T10:00:00Z');

    expect(await store.pruneHistory(new Date(Date.now() + 1000))).toBe(10);
    expect(await store.deleteObject(ks)).toBe(true);
    expect(await store.getObject(ks)).toBeUndefined();
    expect(await knex('gitops_work_items').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
    expect(Number((await knex('gitops_work_items').count({ n: '*' }))[0].n)).toBe(0);
    expect(await store.deleteObject(ks)).toBe(false);
  });
});
