import { ObjectId } from '@internal/plugin-gitops-common';

/** A due object claimed by one replica until `leaseExpiresAt`. */
export interface ClaimedWork {
  id: ObjectId;
  /** A pending `reconcile.fluxcd.io/requestedAt` this run handles, if any. */
  requestedAt?: string;
  attempts: number;
}

/**
 * Reconcile work shared by every backend replica through the database. A claim is a lease: an object is
 * reconciled by at most one replica at a time, and a replica that dies loses its leases when they expire.
 */
export interface WorkQueue {
  /** Claims up to `limit` due objects for `owner`, leased for `leaseMs`. */
  claim(owner: string, limit: number, leaseMs: number): Promise<ClaimedWork[]>;
  /** Extends a lease still held by `owner`; false when it was lost. */
  renew(id: ObjectId, owner: string, leaseMs: number): Promise<boolean>;
  /**
   * Ends a claim: schedules the next run in `nextRunInMs` and clears the request it handled (a newer request
   * made during the run stays pending).
   */
  release(id: ObjectId, owner: string, nextRunInMs: number, handledRequest?: string): Promise<void>;
  /** Makes objects due now (a source they read has a new artifact, a dependency became ready). */
  wake(ids: ObjectId[]): Promise<void>;
}
