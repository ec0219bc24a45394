import { ObjectId } from '@internal/plugin-gitops-common';
import { Knex } from 'knex';
import { ClaimedWork, WorkQueue } from './WorkQueue';

const WORK = 'gitops_work_items';
const OBJECTS = 'gitops_objects';

interface DueRow {
  object_id: number;
  requested_at: string | null;
  attempts: number;
}

/**
 * The work queue on the plugin's database. On PostgreSQL, due rows are locked with `FOR UPDATE SKIP LOCKED`, so
 * replicas claiming at the same moment take different objects; SQLite has a single writer, and a conditional
 * update does the same there.
 */
export class DatabaseWorkQueue implements WorkQueue {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex, private readonly now: () => number = Date.now) {
    this.postgres = String(db.client.config.client).includes('pg');
  }

  async claim(owner: string, limit: number, leaseMs: number): Promise<ClaimedWork[]> {
    if (limit <= 0) return [];
    const now = this.now();
    return this.db.transaction(async tx => {
      const due = tx<DueRow>(`${WORK} as w`)
        .join(`${OBJECTS} as o`, 'o.id', 'w.object_id')
        .where('w.next_run_at', '<=', now)
        .where('o.suspended', false)
        .where(q => q.whereNull('w.lease_expires_at').orWhere('w.lease_expires_at', '<', now))
        .orderBy('w.next_run_at')
        .limit(limit)
        .select('w.object_id', 'w.requested_at', 'w.attempts');
      const rows: DueRow[] = this.postgres ? await due.forUpdate('w').skipLocked() : await due;
      const claimed: DueRow[] = [];
      for (const row of rows) {
        const updated = await tx(WORK)
          .where({ object_id: row.object_id })
          .where(q => q.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', now))
          .update({ lease_owner: owner, lease_expires_at: now + leaseMs, attempts: row.attempts + 1 });
        if (updated === 1) claimed.push(row);
      }
      if (claimed.length === 0) return [];
      const objects = await tx(OBJECTS)
        .whereIn('id', claimed.map(row => row.object_id))
        .select('id', 'cluster', 'kind', 'namespace', 'name');
      const byId = new Map(objects.map(o => [o.id as number, o]));
      return claimed
        .filter(row => byId.has(row.object_id))
        .map(row => {
          const o = byId.get(row.object_id)!;
          return {
            id: { cluster: o.cluster, kind: o.kind, namespace: o.namespace, name: o.name },
            requestedAt: row.requested_at ?? undefined,
            attempts: row.attempts + 1,
          };
        });
    });
  }

  async renew(id: ObjectId, owner: string, leaseMs: number): Promise<boolean> {
    const objectId = await this.objectId(id);
    if (objectId === undefined) return false;
    const updated = await this.db(WORK)
      .where({ object_id: objectId, lease_owner: owner })
      .update({ lease_expires_at: this.now() + leaseMs });
    return updated === 1;
  }

  async release(id: ObjectId, owner: string, nextRunInMs: number, handledRequest?: string): Promise<void> {
    const objectId = await this.objectId(id);
    if (objectId === undefined) return;
    await this.db.transaction(async tx => {
      const row = await tx(WORK).where({ object_id: objectId }).first('lease_owner', 'requested_at', 'next_run_at');
      if (!row || row.lease_owner !== owner) return; // the lease expired and another replica took over
      const newerRequest = row.requested_at && row.requested_at !== handledRequest;
      await tx(WORK)
        .where({ object_id: objectId })
        .update({
          lease_owner: null,
          lease_expires_at: null,
          attempts: 0,
          // A request made while this run was going on keeps the object due now.
          next_run_at: newerRequest ? this.now() : this.now() + nextRunInMs,
          requested_at: newerRequest ? row.requested_at : null,
          requested_by: newerRequest ? undefined : null,
        });
    });
  }

  async wake(ids: ObjectId[]): Promise<void> {
    for (const id of ids) {
      const objectId = await this.objectId(id);
      if (objectId === undefined) continue;
      await this.db(WORK).where({ object_id: objectId }).where('next_run_at', '>', this.now()).update({ next_run_at: this.now() });
    }
  }

  private async objectId(id: ObjectId): Promise<number | undefined> {
    const row = await this.db(OBJECTS)
      .where({ cluster: id.cluster, kind: id.kind, namespace: id.namespace, name: id.name })
      .first('id');
    return row?.id;
  }
}
