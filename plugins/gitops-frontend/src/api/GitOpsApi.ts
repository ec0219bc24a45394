import { createApiRef } from '@backstage/core-plugin-api';
import {
  ActionResponse,
  GitOpsObject,
  HistoryEntry,
  ListObjectsQuery,
  ObjectEvent,
  ObjectId,
  Page,
} from '@internal/plugin-gitops-common';

/** Which slice of a paged list to fetch; the backend picks its own defaults when omitted. */
export interface PageRequest {
  offset?: number;
  limit?: number;
}

/** The actions a person can take on an object from the portal. */
export type ObjectAction = 'reconcile' | 'suspend' | 'resume';

/** Access to the GitOps backend (`/api/gitops`) from the browser. */
export interface GitOpsApi {
  listObjects(query?: ListObjectsQuery): Promise<GitOpsObject[]>;
  getObject(id: ObjectId): Promise<GitOpsObject>;
  getHistory(id: ObjectId, page?: PageRequest): Promise<Page<HistoryEntry>>;
  getEvents(id: ObjectId, page?: PageRequest): Promise<Page<ObjectEvent>>;
  /** Asks for a reconcile now, like `flux reconcile`; the outcome shows up in the object's status. */
  reconcile(id: ObjectId): Promise<ActionResponse>;
  suspend(id: ObjectId): Promise<ActionResponse>;
  resume(id: ObjectId): Promise<ActionResponse>;
}

export const gitOpsApiRef = createApiRef<GitOpsApi>({ id: 'plugin.gitops.service' });
