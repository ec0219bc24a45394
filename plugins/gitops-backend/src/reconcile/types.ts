import { EventSeverity, GitOpsObject, HistoryEntry, ObjectStatus } from '@internal/plugin-gitops-common';

/** What one reconcile of one object decided. The runner stores it; reconcilers never write status themselves. */
export interface ReconcileOutcome {
  /** The object's new status (conditions, artifact, inventory, revisions). */
  status: ObjectStatus;
  result: HistoryEntry['result'];
  reason: string;
  message: string;
  revision?: string;
  changeSet?: HistoryEntry['changeSet'];
  /** When to run again, in milliseconds from now (interval after success, retryInterval after failure). */
  requeueAfterMs: number;
  /** Something worth an event beyond the outcome itself (a new revision, a prune). */
  events?: Array<{ severity: EventSeverity; reason: string; message: string }>;
}

export interface Reconciler {
  /** The Flux kind this reconciler handles. */
  readonly kind: string;
  reconcile(object: GitOpsObject, signal: AbortSignal): Promise<ReconcileOutcome>;
  /** Runs when the object leaves the platform (removed from git or config): honours `deletionPolicy`/`prune`. */
  finalize?(object: GitOpsObject): Promise<void>;
}
