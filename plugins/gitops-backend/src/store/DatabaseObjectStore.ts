import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  EventSeverity,
  GitOpsObject,
  HistoryEntry,
  ObjectEvent,
  ObjectId,
  ObjectStatus,
  Page,
} from '@internal/plugin-gitops-common';
import { Knex } from 'knex';
import { ObjectFilter, ObjectInput, ObjectStore, PageRequest } from './ObjectStore';
import { EventRow, HistoryRow, ObjectRow, toEvent, toHistoryEntry, toObject } from './rows';

const migrationsDir = resolvePackagePath('@internal/plugin-gitops-backend', 'migrations');

const OBJECTS = 'gitops_objects';
const WORK = 'gitops_work_items';
const HISTORY = 'gitops_history';
const EVENTS = 'gitops_events';

/** ObjectStore on the plugin's knex database (SQLite or PostgreSQL). */
export class DatabaseObjectStore implements ObjectStore {
  static async create(database: DatabaseService): Promise<DatabaseObjectStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await migrate(knex);
    return new DatabaseObjectStore(knex);
  }

  constructor(readonly db: Knex) {}

  async upsertObject(input: ObjectInput) {
    return this.db.transaction(async tx => {
      const existing = await tx<ObjectRow>(OBJECTS).where(identity(input)).first();
      const now = Date.now();
      const spec = JSON.stringify(input.spec);
      const labels = JSON.stringify(input.labels ?? {});
      const annotations = JSON.stringify(input.annotations ?? {});
      if (!existing) {
        const [inserted] = await tx<ObjectRow>(OBJECTS)
          .insert({
            ...identity(input),
            api_version: input.apiVersion,
            spec,
            labels,
            annotations,
            generation: 1,
            suspended: input.spec.suspend === true,
            status: '{}',
            origin: input.origin,
            created_at: now,
            updated_at: now,
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        await tx(WORK).insert({ object_id: id, next_run_at: now, attempts: 0 });
        return { object: (await this.read(tx, input))!, created: true, specChanged: true };
      }
      const specChanged = existing.spec !== spec || existing.api_version !== input.apiVersion;
      const metadataChanged = existing.labels !== labels || existing.annotations !== annotations;
      if (specChanged || metadataChanged || existing.origin !== input.origin) {
        await tx(OBJECTS)
          .where({ id: existing.id })
          .update({
            api_version: input.apiVersion,
            spec,
            labels,
            annotations,
            origin: input.origin,
            generation: specChanged ? existing.generation + 1 : existing.generation,
            suspended: suspendedAfter(existing, input.spec),
            updated_at: now,
          });
        // A new generation is reconciled at once, as a Flux controller reacts to a spec change.
        if (specChanged) await tx(WORK).where({ object_id: existing.id }).update({ next_run_at: now });
      }
      return { object: (await this.read(tx, input))!, created: false, specChanged };
    });
  }

  getObject(id: ObjectId): Promise<GitOpsObject | undefined> {
    return this.read(this.db, id);
  }

  async listObjects(filter: ObjectFilter = {}): Promise<GitOpsObject[]> {
    const query = this.selectObjects(this.db).orderBy([
      { column: 'o.cluster' },
      { column: 'o.kind' },
      { column: 'o.namespace' },
      { column: 'o.name' },
    ]);
    for (const column of ['cluster', 'kind', 'namespace', 'origin'] as const) {
      if (filter[column] !== undefined) query.where(`o.${column}`, filter[column]!);
    }
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      query.where(builder => {
        for (const id of filter.ids!) builder.orWhere(prefixed(identity(id)));
      });
    }
    let objects = (await query).map(toObject);
    // Labels and health live in JSON; filtering them here keeps the SQL identical on both databases.
    if (filter.label) objects = objects.filter(o => o.labels[filter.label!.key] === filter.label!.value);
    if (filter.health) objects = objects.filter(o => o.health === filter.health);
    return objects;
  }

  async deleteObject(id: ObjectId): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await tx<ObjectRow>(OBJECTS).where(identity(id)).first('id');
      if (!row) return false;
      // SQLite does not enforce foreign keys unless asked to: delete the children explicitly.
      for (const table of [EVENTS, HISTORY, WORK]) await tx(table).where({ object_id: row.id }).delete();
      await tx(OBJECTS).where({ id: row.id }).delete();
      return true;
    });
  }

  async updateStatus(id: ObjectId, status: ObjectStatus): Promise<void> {
    await this.db(OBJECTS)
      .where(identity(id))
      .update({ status: JSON.stringify(status), updated_at: Date.now() });
  }

  async setSuspended(id: ObjectId, suspended: boolean): Promise<GitOpsObject | undefined> {
    const updated = await this.db(OBJECTS).where(identity(id)).update({ suspended, updated_at: Date.now() });
    if (updated === 0) return undefined;
    if (!suspended) {
      // Resuming reconciles at once, as `flux resume` does.
      const row = await this.db<ObjectRow>(OBJECTS).where(identity(id)).first('id');
      await this.db(WORK).where({ object_id: row!.id }).update({ next_run_at: Date.now() });
    }
    return this.getObject(id);
  }

  async requestReconcile(id: ObjectId, requestedAt: string, requestedBy?: string) {
    const row = await this.db<ObjectRow>(OBJECTS).where(identity(id)).first('id', 'annotations');
    if (!row) return undefined;
    const annotations = { ...JSON.parse(row.annotations), 'reconcile.fluxcd.io/requestedAt': requestedAt };
    await this.db.transaction(async tx => {
      await tx(OBJECTS).where({ id: row.id }).update({ annotations: JSON.stringify(annotations) });
      await tx(WORK)
        .where({ object_id: row.id })
        .update({ requested_at: requestedAt, requested_by: requestedBy ?? null, next_run_at: Date.now() });
    });
    return this.getObject(id);
  }

  async addHistory(id: ObjectId, entry: Omit<HistoryEntry, 'id'>): Promise<void> {
    const objectId = await this.objectId(id);
    if (objectId === undefined) return;
    await this.db<HistoryRow>(HISTORY).insert({
      object_id: objectId,
      revision: entry.revision ?? null,
      result: entry.result,
      reason: entry.reason,
      message: entry.message,
      trigger: entry.trigger,
      triggered_by: entry.triggeredBy ?? null,
      started_at: Date.parse(entry.startedAt),
      duration_ms: Math.round(entry.durationMs),
      change_set: entry.changeSet ? JSON.stringify(entry.changeSet) : null,
    });
    await this.db(WORK).where({ object_id: objectId }).update({ last_reconciled_at: Date.now() });
  }

  async listHistory(id: ObjectId, page: PageRequest): Promise<Page<HistoryEntry>> {
    const objectId = await this.objectId(id);
    if (objectId === undefined) return { items: [], total: 0, ...page };
    const base = () => this.db<HistoryRow>(HISTORY).where({ object_id: objectId });
    const [{ count }] = await base().count({ count: '*' });
    const rows = await base().orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(page.offset).limit(page.limit);
    return { items: rows.map(toHistoryEntry), total: Number(count), ...page };
  }

  async addEvent(id: ObjectId, event: { severity: EventSeverity; reason: string; message: string; revision?: string }) {
    const objectId = await this.objectId(id);
    if (objectId === undefined) return;
    await this.db<EventRow>(EVENTS).insert({
      object_id: objectId,
      severity: event.severity,
      reason: event.reason,
      message: event.message,
      revision: event.revision ?? null,
      created_at: Date.now(),
    });
  }

  async listEvents(id: ObjectId, page: PageRequest & { severity?: EventSeverity }): Promise<Page<ObjectEvent>> {
    const objectId = await this.objectId(id);
    const { offset, limit } = page;
    if (objectId === undefined) return { items: [], total: 0, offset, limit };
    const base = () => {
      const query = this.db<EventRow>(EVENTS).where({ object_id: objectId });
      if (page.severity) query.where({ severity: page.severity });
      return query;
    };
    const [{ count }] = await base().count({ count: '*' });
    const rows = await base().orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(offset).limit(limit);
    return { items: rows.map(toEvent), total: Number(count), offset, limit };
  }

  async pruneHistory(olderThan: Date): Promise<number> {
    const cutoff = olderThan.getTime();
    const history = await this.db(HISTORY).where('started_at', '<', cutoff).delete();
    const events = await this.db(EVENTS).where('created_at', '<', cutoff).delete();
    return history + events;
  }

  private selectObjects(db: Knex | Knex.Transaction) {
    return db<ObjectRow>(`${OBJECTS} as o`)
      .leftJoin(`${WORK} as w`, 'w.object_id', 'o.id')
      .select('o.*', 'w.next_run_at', 'w.last_reconciled_at');
  }

  private async read(db: Knex | Knex.Transaction, id: ObjectId): Promise<GitOpsObject | undefined> {
    const row = await this.selectObjects(db).where(prefixed(identity(id))).first();
    return row ? toObject(row as ObjectRow) : undefined;
  }

  private async objectId(id: ObjectId): Promise<number | undefined> {
    const row = await this.db<ObjectRow>(OBJECTS).where(identity(id)).first('id');
    return row?.id;
  }
}

export async function migrate(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir, tableName: 'gitops_knex_migrations' });
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir, tableName: 'gitops_knex_migrations' }, true);
}

function identity(id: ObjectId) {
  return { cluster: id.cluster, kind: id.kind, namespace: id.namespace, name: id.name };
}

function prefixed(values: Record<string, string>) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`o.${key}`, value]));
}

/** `spec.suspend` in git wins when it changes; otherwise a suspension made in the portal stays. */
function suspendedAfter(existing: ObjectRow, spec: Record<string, unknown>): boolean {
  const before = JSON.parse(existing.spec).suspend;
  if (typeof spec.suspend === 'boolean' && spec.suspend !== before) return spec.suspend;
  return Boolean(existing.suspended);
}
