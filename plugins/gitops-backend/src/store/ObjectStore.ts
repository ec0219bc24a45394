import {
  EventSeverity,
  GitOpsObject,
  HistoryEntry,
  ObjectEvent,
  ObjectHealth,
  ObjectId,
  ObjectStatus,
  Page,
} from '@internal/plugin-gitops-common';

/** An object as declared (in git or config): what `upsertObject` takes. */
export interface ObjectInput extends ObjectId {
  apiVersion: string;
  spec: Record<string, unknown>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** `config`, or the id (`cluster/Kind/namespace/name`) of the Kustomization that registered it. */
  origin: string;
}

export interface ObjectFilter {
  cluster?: string;
  kind?: string;
  namespace?: string;
  origin?: string;
  /** Only these objects. */
  ids?: ObjectId[];
  /** Only objects with this label value. */
  label?: { key: string; value: string };
  health?: ObjectHealth;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** The platform's objects, their status, history and events. */
export interface ObjectStore {
  /**
   * Creates or updates an object. The generation goes up when the spec changes; `suspended` follows
   * `spec.suspend` when the spec says so. New objects are due for reconcile at once.
   */
  upsertObject(input: ObjectInput): Promise<{ object: GitOpsObject; created: boolean; specChanged: boolean }>;
  getObject(id: ObjectId): Promise<GitOpsObject | undefined>;
  listObjects(filter?: ObjectFilter): Promise<GitOpsObject[]>;
  /** Deletes the object with its history, events and work item; false when it did not exist. */
  deleteObject(id: ObjectId): Promise<boolean>;
  updateStatus(id: ObjectId, status: ObjectStatus): Promise<void>;
  setSuspended(id: ObjectId, suspended: boolean): Promise<GitOpsObject | undefined>;
  /** Records a reconcile request (Flux's `reconcile.fluxcd.io/requestedAt`) and makes the object due now. */
  requestReconcile(id: ObjectId, requestedAt: string, requestedBy?: string): Promise<GitOpsObject | undefined>;
  addHistory(id: ObjectId, entry: Omit<HistoryEntry, 'id'>): Promise<void>;
  listHistory(id: ObjectId, page: PageRequest): Promise<Page<HistoryEntry>>;
  addEvent(id: ObjectId, event: { severity: EventSeverity; reason: string; message: string; revision?: string }): Promise<void>;
  listEvents(id: ObjectId, page: PageRequest & { severity?: EventSeverity }): Promise<Page<ObjectEvent>>;
  /** Deletes history rows and events older than `olderThan`; returns how many went. */
  pruneHistory(olderThan: Date): Promise<number>;
}
