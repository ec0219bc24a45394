import { GitOpsObject, HistoryEntry, ObjectEvent, summarizeHealth } from '@internal/plugin-gitops-common';

/** Row shapes of the tables in migrations/, and their mapping to the API types. */
export interface ObjectRow {
  id: number;
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  api_version: string;
  spec: string;
  labels: string;
  annotations: string;
  generation: number;
  suspended: boolean | number;
  status: string;
  origin: string;
  created_at: number | string;
  updated_at: number | string;
  next_run_at?: number | string | null;
  last_reconciled_at?: number | string | null;
}

export interface HistoryRow {
  id: number;
  object_id: number;
  revision: string | null;
  result: HistoryEntry['result'];
  reason: string;
  message: string;
  trigger: HistoryEntry['trigger'];
  triggered_by: string | null;
  started_at: number | string;
  duration_ms: number;
  change_set: string | null;
}

export interface EventRow {
  id: number;
  object_id: number;
  severity: ObjectEvent['severity'];
  reason: string;
  message: string;
  revision: string | null;
  created_at: number | string;
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

export function toObject(row: ObjectRow): GitOpsObject {
  const status = JSON.parse(row.status);
  const suspended = Boolean(row.suspended);
  return {
    cluster: row.cluster,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    apiVersion: row.api_version,
    spec: JSON.parse(row.spec),
    labels: JSON.parse(row.labels),
    annotations: JSON.parse(row.annotations),
    generation: row.generation,
    suspended,
    status,
    origin: row.origin,
    health: summarizeHealth(status.conditions, suspended),
    lastReconciledAt: row.last_reconciled_at ? iso(row.last_reconciled_at) : undefined,
    nextReconcileAt: row.next_run_at && !suspended ? iso(row.next_run_at) : undefined,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: String(row.id),
    revision: row.revision ?? undefined,
    result: row.result,
    reason: row.reason,
    message: row.message,
    trigger: row.trigger,
    triggeredBy: row.triggered_by ?? undefined,
    startedAt: iso(row.started_at),
    durationMs: row.duration_ms,
    changeSet: row.change_set ? JSON.parse(row.change_set) : undefined,
  };
}

export function toEvent(row: EventRow): ObjectEvent {
  return {
    id: String(row.id),
    severity: row.severity,
    reason: row.reason,
    message: row.message,
    revision: row.revision ?? undefined,
    createdAt: iso(row.created_at),
  };
}
