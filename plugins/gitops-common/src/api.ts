/** Shapes of the REST API under /api/gitops, shared by the backend router, the frontend client and the CLI. */
import { Condition, ObjectHealth } from './conditions';
import { ObjectId } from './objects';

/** One entry of an object's inventory, in Flux's format: `<namespace>_<name>_<group>_<kind>` and the version. */
export interface InventoryEntry {
  id: string;
  v: string;
}

/** The status the platform keeps for an object, with Flux's field names. */
export interface ObjectStatus {
  observedGeneration?: number;
  conditions?: Condition[];
  lastAppliedRevision?: string;
  lastAttemptedRevision?: string;
  lastHandledReconcileAt?: string;
  artifact?: { revision: string; digest: string; size?: number; lastUpdateTime: string };
  inventory?: { entries: InventoryEntry[] };
}

/** An object of the platform as the API returns it. */
export interface GitOpsObject extends ObjectId {
  apiVersion: string;
  spec: Record<string, unknown>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generation: number;
  suspended: boolean;
  status: ObjectStatus;
  /** Where the object came from: `config` (gitops.fleets) or the Kustomization that built it. */
  origin: string;
  health: ObjectHealth;
  lastReconciledAt?: string;
  nextReconcileAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ListObjectsResponse {
  items: GitOpsObject[];
}

/** Query parameters of `GET /objects`. */
export interface ListObjectsQuery {
  /** A catalog entity reference (`component:default/podinfo`): only objects linked to it. */
  entityRef?: string;
  cluster?: string;
  kind?: string;
  namespace?: string;
  health?: ObjectHealth;
}

export type ReconcileTrigger = 'schedule' | 'webhook' | 'user' | 'dependency' | 'create';

/** One reconcile attempt. */
export interface HistoryEntry {
  id: string;
  revision?: string;
  result: 'success' | 'failure' | 'skipped';
  reason: string;
  message: string;
  trigger: ReconcileTrigger;
  triggeredBy?: string;
  startedAt: string;
  durationMs: number;
  changeSet?: { created: number; configured: number; unchanged: number; deleted: number; skipped: number };
}

export type EventSeverity = 'info' | 'error';

export interface ObjectEvent {
  id: string;
  severity: EventSeverity;
  reason: string;
  message: string;
  revision?: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** Answer of the mutating routes: the request is recorded; poll the object for its outcome. */
export interface ActionResponse {
  object: GitOpsObject;
  requestedAt?: string;
}
