import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConditionTypes,
  formatObjectId,
  GitOpsObject,
  ObjectId,
  ObjectStatus,
  ReconcileTrigger,
  setCondition,
  summarizeHealth,
} from '@internal/plugin-gitops-common';
import { withReady } from './conditions';
import { requeueAfter, timeoutOf } from './intervals';
import { Reconciler, ReconcileOutcome } from './types';
import { ReconcileStore } from './ReconcileStore';

export interface ReconcileRequest {
  trigger: ReconcileTrigger;
  triggeredBy?: string;
  /** The `reconcile.fluxcd.io/requestedAt` value being handled, if any. */
  requestedAt?: string;
}

export interface RunnerOptions {
  store: ReconcileStore;
  reconcilers: Reconciler[];
  logger: LoggerService;
  /** Called when an object's health or revision changed, for live updates in the portal. */
  onStatusChange?: (object: GitOpsObject) => Promise<void>;
  /** Called after every reconcile with the object as it was and its new status (to wake dependents). */
  onReconciled?: (before: GitOpsObject, status: ObjectStatus) => Promise<void>;
}

/**
 * Runs one reconcile of one object: picks the reconciler of its kind, bounds it by the spec's timeout, and records
 * the outcome (status, history row, events). Returns when the object should run next, in ms from now, or
 * undefined when the object no longer exists.
 */
export class ReconcileRunner {
  private readonly reconcilers = new Map<string, Reconciler>();

  constructor(private readonly options: RunnerOptions) {
    for (const reconciler of options.reconcilers) this.reconcilers.set(reconciler.kind, reconciler);
  }

  reconcilerFor(kind: string): Reconciler | undefined {
    return this.reconcilers.get(kind);
  }

  async run(id: ObjectId, request: ReconcileRequest): Promise<number | undefined> {
    const { store, logger } = this.options;
    const object = await store.getObject(id);
    if (!object) return undefined;
    if (object.suspended) return requeueAfter(object.spec, false);

    const startedAt = new Date();
    const outcome = await this.reconcileWithTimeout(object);
    const status: ObjectStatus = {
      ...outcome.status,
      ...(request.requestedAt ? { lastHandledReconcileAt: request.requestedAt } : {}),
    };
    await store.updateStatus(id, status);
    await store.addHistory(id, {
      revision: outcome.revision,
      result: outcome.result,
      reason: outcome.reason,
      message: outcome.message,
      trigger: request.trigger,
      triggeredBy: request.triggeredBy,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      changeSet: outcome.changeSet,
    });
    for (const event of eventsOf(object, outcome)) await store.addEvent(id, event);

    const label = formatObjectId(id);
    if (outcome.result === 'failure') logger.warn(`${label}: ${outcome.reason}: ${outcome.message}`);
    else logger.debug(`${label}: ${outcome.reason}: ${outcome.message}`);

    await this.options.onReconciled?.(object, status).catch(error => logger.warn(`${label}: ${error}`));
    if (this.options.onStatusChange && statusChanged(object, status)) {
      await this.options.onStatusChange({ ...object, status, health: summarizeHealth(status.conditions, object.suspended) }).catch(error =>
        logger.warn(`${label}: could not publish the status change: ${error}`),
      );
    }
    return outcome.requeueAfterMs;
  }

  private async reconcileWithTimeout(object: GitOpsObject): Promise<ReconcileOutcome> {
    const reconciler = this.reconcilers.get(object.kind);
    if (!reconciler) return unsupported(object);
    const timeoutMs = timeoutOf(object.spec);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ReconcileOutcome>(resolve => {
      timer = setTimeout(() => {
        controller.abort();
        const message = `reconcile did not finish within ${timeoutMs / 1000}s`;
        resolve({
          status: withReady(object.status, false, 'ReconciliationFailed', message, object.generation),
          result: 'failure',
          reason: 'ReconciliationFailed',
          message,
          requeueAfterMs: requeueAfter(object.spec, true),
        });
      }, timeoutMs);
    });
    try {
      return await Promise.race([
        reconciler.reconcile(object, controller.signal).catch(error => crashed(object, error)),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A reconciler that throws is a bug, but the object still gets a condition that says what happened. */
function crashed(object: GitOpsObject, error: unknown): ReconcileOutcome {
  const message = `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  return {
    status: withReady(object.status, false, 'ReconciliationFailed', message, object.generation),
    result: 'failure',
    reason: 'ReconciliationFailed',
    message,
    requeueAfterMs: requeueAfter(object.spec, true),
  };
}

function unsupported(object: GitOpsObject): ReconcileOutcome {
  const message = `${object.apiVersion} ${object.kind} is registered but not reconciled by this version of the platform`;
  const conditions = setCondition(object.status.conditions, {
    type: ConditionTypes.Ready,
    status: 'Unknown',
    reason: 'NotSupported',
    message,
    observedGeneration: object.generation,
  });
  return {
    status: { ...object.status, conditions },
    result: 'skipped',
    reason: 'NotSupported',
    message,
    requeueAfterMs: requeueAfter(object.spec, false),
  };
}

function eventsOf(object: GitOpsObject, outcome: ReconcileOutcome) {
  const events = [...(outcome.events ?? [])];
  const previousReady = object.status.conditions?.find(c => c.type === 'Ready');
  if (outcome.result === 'failure') {
    events.push({ severity: 'error' as const, reason: outcome.reason, message: outcome.message });
  } else if (outcome.result === 'success' && (previousReady?.status !== 'True' || previousReady.message !== outcome.message)) {
    events.push({ severity: 'info' as const, reason: outcome.reason, message: outcome.message });
  }
  return events.map(event => ({ ...event, revision: outcome.revision }));
}

function statusChanged(before: GitOpsObject, status: ObjectStatus): boolean {
  const ready = (s: ObjectStatus) => s.conditions?.find(c => c.type === 'Ready');
  const a = ready(before.status);
  const b = ready(status);
  return (
    a?.status !== b?.status ||
    a?.reason !== b?.reason ||
    a?.message !== b?.message ||
    before.status.lastAppliedRevision !== status.lastAppliedRevision ||
    before.status.artifact?.revision !== status.artifact?.revision
  );
}
