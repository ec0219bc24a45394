import { GitOpsObject, HistoryEntry, ObjectEvent, ObjectId, ObjectStatus } from '@internal/plugin-gitops-common';

/** The part of the object store the reconcile runner uses. */
export interface ReconcileStore {
  getObject(id: ObjectId): Promise<GitOpsObject | undefined>;
  updateStatus(id: ObjectId, status: ObjectStatus): Promise<void>;
  addHistory(id: ObjectId, entry: Omit<HistoryEntry, 'id'>): Promise<void>;
  addEvent(id: ObjectId, event: Omit<ObjectEvent, 'id' | 'createdAt'>): Promise<void>;
}
