import { KubeApiError } from '../kube/errors';
import type { KubeClient, KubeObject, ObjectRef } from '../kube/types';
import { APPLY_EXCLUSIONS, FORCE_SELECTOR, IF_NOT_PRESENT_SELECTOR, anyInMetadata } from './annotations';
import { changeSetEntry } from './changeSet';
import { sleep } from './concurrency';
import { hasDrifted } from './drift';
import { isImmutableFieldError } from './immutable';
import type { ChangeSetEntry } from './types';

/** An object failed in a way the user must fix; the message is fit for a condition. */
export class ObjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectError';
  }
}

export interface PlanContext {
  client: KubeClient;
  fieldManager: string;
  force: boolean;
  waitInterval: number;
  waitTimeout: number;
}

export interface Plan {
  entry: ChangeSetEntry;
  /** Set when the object must really be applied (new or drifted). */
  apply?: KubeObject;
}

/**
 * Decides what applying one object would do, as Flux does: skip it when annotated so, dry-run it on the
 * server, recreate it when an immutable field changes and force allows, and compare the dry-run result with
 * the live object.
 */
export async function planApply(context: PlanContext, object: KubeObject, ref: ObjectRef): Promise<Plan> {
  const { client } = context;
  let existing = await client.get(ref);
  if (anyInMetadata(object, APPLY_EXCLUSIONS) || anyInMetadata(existing, APPLY_EXCLUSIONS)) {
    return { entry: changeSetEntry(ref, 'skipped') };
  }
  if (existing && anyInMetadata(object, IF_NOT_PRESENT_SELECTOR)) return { entry: changeSetEntry(ref, 'skipped') };

  let dryRun: KubeObject;
  try {
    dryRun = await client.apply(object, { dryRun: true, fieldManager: context.fieldManager });
  } catch (error) {
    if (!existing || !isImmutableFieldError(error)) throw dryRunFailure(error);
    const forced = context.force || anyInMetadata(object, FORCE_SELECTOR) || anyInMetadata(existing, FORCE_SELECTOR);
    if (!forced) {
      throw new ObjectError(
        `immutable field change rejected (${summaryOf(error)}); enable force to delete and recreate the object`,
      );
    }
    await recreate(context, ref);
    existing = undefined;
    try {
      dryRun = await client.apply(object, { dryRun: true, fieldManager: context.fieldManager });
    } catch (retryError) {
      throw dryRunFailure(retryError);
    }
  }

  if (!hasDrifted(existing, dryRun)) return { entry: changeSetEntry(ref, 'unchanged') };
  const action = dryRun.metadata?.resourceVersion ? 'configured' : 'created';
  return { entry: changeSetEntry(ref, action), apply: object };
}

/** Deletes the live object and waits until it is gone (finalizers may hold it for a while). */
async function recreate(context: PlanContext, ref: ObjectRef): Promise<void> {
  try {
    await context.client.delete(ref, { propagationPolicy: 'Background' });
  } catch (error) {
    throw new ObjectError(`immutable field detected, failed to delete the object: ${summaryOf(error)}`);
  }
  const deadline = Date.now() + context.waitTimeout;
  const interval = Math.min(context.waitInterval, 500);
  while (await context.client.get(ref)) {
    if (Date.now() >= deadline) {
      throw new ObjectError(`immutable field detected, the object was not deleted within ${context.waitTimeout} ms`);
    }
    await sleep(interval);
  }
}

function dryRunFailure(error: unknown): Error {
  if (error instanceof KubeApiError) return new ObjectError(`dry-run failed (${error.reason}): ${error.summary}`);
  return error instanceof Error ? error : new Error(String(error));
}

function summaryOf(error: unknown): string {
  if (error instanceof KubeApiError) return error.summary;
  return error instanceof Error ? error.message : String(error);
}
