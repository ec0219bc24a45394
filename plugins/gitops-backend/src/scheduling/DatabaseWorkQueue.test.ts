import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { formatObjectId, GitOpsObject } from '@internal/plugin-gitops-common';
import { testDatabaseIds } from '@internal/gitops-test';
import { ReconcileRunner } from '../reconcile/ReconcileRunner';
import { Reconciler } from '../reconcile/types';
import { DatabaseObjectStore, migrate } from '../store/DatabaseObjectStore';
import { DatabaseWorkQueue } from './DatabaseWorkQueue';
import { ReconcileLoop } from './ReconcileLoop';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

/** Records who reconciles what, and fails the test if one object is ever handled twice at the same time. */
class RecordingReconciler {
  readonly active = new Set<string>();
  readonly handled = new Map<string, string[]>();
  overlaps = 0;

  forReplica(replica: string): Reconciler {
    return { kind: 'Kustomization', reconcile: object => this.run(object, replica) };
  }

  private async run(object: GitOpsObject, replica: string) {
    const key = formatObjectId(object);
    if (this.active.has(key)) this.overlaps += 1;
    this.active.add(key);
    await new Promise(resolve => setTimeout(resolve, 5 + Math.random() * 15));
    this.active.delete(key);
    this.handled.set(key, [...(this.handled.get(key) ?? []), replica]);
    return {
      status: object.status,
      result: 'success' as const,
      reason: 'ReconciliationSucceeded',
      message: 'ok',
      requeueAfterMs: 3_600_000,
    };
  }
}

describe.each(databases.eachSupportedId())('work shared by replicas on %s', databaseId => {
  it('reconciles 200 objects across two replicas, never one object twice at once, and recovers a dead replica\'s leases', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const store = new DatabaseObjectStore(knex);
    for (let i = 0; i < 200; i++) {
      await store.upsertObject({
        cluster: 'c',
        kind: 'Kustomization',
        namespace: 'ns',
        name: `ks-${String(i).padStart(3, '0')}`,
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        spec: { interval: '1h' },
        origin: 'config',
      });
    }
    const recorder = new RecordingReconciler();
    const loopFor = (owner: string) =>
      new ReconcileLoop({
        queue: new DatabaseWorkQueue(knex),
        runner: new ReconcileRunner({ store, logger: mockServices.logger.mock(), reconcilers: [recorder.forReplica(owner)] }),
        logger: mockServices.logger.mock(),
        owner,
        concurrency: 8,
        leaseMs: 1500,
      });

    // A third replica claims 10 objects and dies holding their leases.
    const dead = await new DatabaseWorkQueue(knex).claim('dead-replica', 10, 1500);
    expect(dead).toHaveLength(10);

    const a = loopFor('replica-a');
    const b = loopFor('replica-b');
    const deadline = Date.now() + 60_000;
    let bStopped = false;
    while (recorder.handled.size < 200 && Date.now() < deadline) {
      await Promise.all([a.tick(), bStopped ? 0 : b.tick()]);
      if (!bStopped && recorder.handled.size >= 100) {
        await b.stop(); // replica B shuts down midway; what it had finishes, the rest goes to A
        bStopped = true;
      }
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    await a.idle();

    expect(recorder.overlaps).toBe(0);
    expect(recorder.handled.size).toBe(200);
    const byReplica = [...recorder.handled.values()].flat().reduce<Record<string, number>>((counts, replica) => {
      counts[replica] = (counts[replica] ?? 0) + 1;
      return counts;
    }, {});
    expect(byReplica['replica-a']).toBeGreaterThan(0);
    expect(byReplica['replica-b']).toBeGreaterThan(0);
    // Every object ran exactly once: nothing was lost, nothing ran twice.
    expect([...recorder.handled.values()].every(runs => runs.length === 1)).toBe(true);
    // The dead replica's objects ran once, by a live replica, after their leases expired.
    for (const work of dead) {
      expect(['replica-a', 'replica-b']).toContain(recorder.handled.get(formatObjectId(work.id))?.[0]);
    }
    const history = await knex('gitops_history').count({ n: '*' });
    expect(Number(history[0].n)).toBe(200);
  });

  it('keeps a reconcile request made during a run pending', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const store = new DatabaseObjectStore(knex);
    const objectId = { cluster: 'c', kind: 'Kustomization', namespace: 'ns', name: 'one' };
    await store.upsertObject({ ...objectId, apiVersion: 'v1', spec: { interval: '1h' }, origin: 'config' });
    const queue = new DatabaseWorkQueue(knex);
    const [claimed] = await queue.claim('r', 1, 10_000);
    await store.requestReconcile(objectId, '2026-11-25T12:00:00Z');
    await queue.release(objectId, 'r', 3_600_000, claimed.requestedAt);
    const [again] = await queue.claim('r', 1, 10_000);
    expect(again.requestedAt).toBe('2026-11-25T12:00:00Z');
    await queue.release(objectId, 'r', 3_600_000, again.requestedAt);
    expect(await queue.claim('r', 1, 10_000)).toEqual([]);
    expect(await queue.renew(objectId, 'someone-else', 1000)).toBe(false);
  });
});
