import { refOf } from '../kube/client';
import { KubeApiError, UnknownKindError } from '../kube/errors';
import { formatRef, groupOf } from '../kube/format';
import type { KubeClient, KubeObject, ObjectRef } from '../kube/types';
import { DEFAULT_FIELD_MANAGER } from '../kube/client';
import { PRUNE_EXCLUSIONS, anyInMetadata, hasAllLabels } from './annotations';
import { changeSetEntry } from './changeSet';
import { errorMessage, settleAll } from './concurrency';
import { ApplyError, ObjectFailure, ObjectHealthReport, WaitError } from './errors';
import { Plan, PlanContext, planApply } from './plan';
import { sortForApply, sortForDelete } from './sort';
import type { ApplyOptions, ChangeSet, ChangeSetEntry, DeleteOptions, WaitOptions } from './types';
import { DEFAULT_WAIT_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS, waitForObjects } from './wait';

export interface ResourceManagerOptions {
  client: KubeClient;
  /** Server-side apply field manager. Default `gitops`. */
  fieldManager?: string;
  /** Objects read and dry-run in parallel. Default 4. */
  concurrency?: number;
}

interface Resolved {
  object: KubeObject;
  ref: ObjectRef;
}

/**
 * Applies, prunes and waits for sets of objects, with Flux's semantics (fluxcd/pkg/ssa): staged apply,
 * drift detection by server-side dry run, per-object annotations, owner-checked prune.
 */
export class ResourceManager {
  private readonly client: KubeClient;
  private readonly fieldManager: string;
  private readonly concurrency: number;

  constructor(options: ResourceManagerOptions) {
    this.client = options.client;
    this.fieldManager = options.fieldManager ?? DEFAULT_FIELD_MANAGER;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /**
   * Applies in three stages: CustomResourceDefinitions, Namespaces and ClusterRoles (then waits for them),
   * `*Class` kinds (then waits), everything else. Custom resources can thus ship with their definition.
   */
  async applyAllStaged(objects: KubeObject[], options: ApplyOptions = {}): Promise<ChangeSet> {
    checkObjects(objects);
    const definitions: KubeObject[] = [];
    const classes: KubeObject[] = [];
    const rest: KubeObject[] = [];
    for (const object of objects) {
      if (isClusterDefinition(object)) definitions.push(object);
      else if (object.kind.endsWith('Class')) classes.push(object);
      else rest.push(object);
    }
    const done: ChangeSetEntry[] = [];
    for (const [stage, waitFor] of [
      [definitions, 'CustomResourceDefinitions, Namespaces and ClusterRoles'],
      [classes, 'Class definitions'],
    ] as const) {
      if (stage.length === 0) continue;
      const entries = await this.applyStage(stage, options, done);
      done.push(...entries);
      // A skipped object may not exist at all (ssa: Ignore): nothing to wait for.
      const applied = entries.filter(entry => entry.action !== 'skipped');
      await this.waitForStage(applied, waitFor, options, done);
    }
    done.push(...(await this.applyStage(rest, options, done)));
    return { entries: done };
  }

  /** Applies the objects in Flux's kind order, in one stage. */
  async applyAll(objects: KubeObject[], options: ApplyOptions = {}): Promise<ChangeSet> {
    checkObjects(objects);
    return { entries: await this.applyStage(objects, options, []) };
  }

  /**
   * Deletes objects for a prune, in reverse apply order. Objects missing the owner labels in the cluster, or
   * protected by an exclusion (`kustomize.toolkit.fluxcd.io/prune: disabled`), are skipped.
   */
  async delete(objects: Array<KubeObject | ObjectRef>, options: DeleteOptions): Promise<ChangeSet> {
    if (!options?.ownerLabels || Object.keys(options.ownerLabels).length === 0) {
      throw new Error('delete needs ownerLabels: without them any object in the cluster could be pruned');
    }
    const exclusions = options.exclusions ?? PRUNE_EXCLUSIONS;
    const refs = sortForDelete(objects.map(toRef), ref => ref);
    const entries: ChangeSetEntry[] = [];
    const failures: ObjectFailure[] = [];
    for (const given of refs) {
      let ref = given;
      try {
        ref = await this.scoped(given);
        const existing = await this.client.get(ref);
        if (!existing) {
          entries.push(changeSetEntry(ref, 'deleted'));
        } else if (!hasAllLabels(existing, options.ownerLabels) || anyInMetadata(existing, exclusions)) {
          entries.push(changeSetEntry(ref, 'skipped'));
        } else {
          await this.client.delete(ref, { propagationPolicy: options.propagationPolicy ?? 'Background' });
          entries.push(changeSetEntry(ref, 'deleted'));
        }
      } catch (error) {
        if (error instanceof UnknownKindError) {
          // Its definition is gone, so no object of the kind can exist.
          entries.push(changeSetEntry(ref, 'deleted'));
          continue;
        }
        entries.push(changeSetEntry(ref, 'unknown'));
        failures.push({ subject: formatRef(ref), message: `delete failed: ${errorMessage(error)}` });
      }
    }
    if (failures.length > 0) throw new ApplyError('prune failed', failures, { entries });
    return { entries };
  }

  /** Waits until every object is Current; the error lists the others with their status and message. */
  async wait(objects: Array<KubeObject | ObjectRef>, options: WaitOptions = {}): Promise<ObjectHealthReport[]> {
    const refs = await Promise.all(objects.map(object => this.scoped(toRef(object))));
    return waitForObjects(this.client, refs, options, this.concurrency);
  }

  private async applyStage(objects: KubeObject[], options: ApplyOptions, done: ChangeSetEntry[]): Promise<ChangeSetEntry[]> {
    const resolved = await this.resolveAll(objects, done);
    const context: PlanContext = {
      client: this.client,
      fieldManager: this.fieldManager,
      force: options.force ?? false,
      waitInterval: options.waitInterval ?? DEFAULT_WAIT_INTERVAL_MS,
      waitTimeout: options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_MS,
    };
    const settled = await settleAll(resolved, this.concurrency, item => planApply(context, item.object, item.ref));
    const failures = collectFailures(settled, resolved);
    if (failures.length > 0) {
      throw new ApplyError(`dry-run failed for ${failures.length} object(s)`, failures, { entries: [...done] });
    }
    const plans = settled.map(result => (result as { ok: true; value: Plan }).value);
    const entries: ChangeSetEntry[] = [];
    for (const plan of plans) {
      if (plan.apply) {
        try {
          await this.client.apply(plan.apply, { fieldManager: this.fieldManager });
        } catch (error) {
          const message = error instanceof KubeApiError ? `apply failed (${error.reason}): ${error.summary}` : errorMessage(error);
          throw new ApplyError('apply failed', [{ subject: plan.entry.subject, message }], {
            entries: [...done, ...entries],
          });
        }
      }
      entries.push(plan.entry);
    }
    return entries;
  }

  private async waitForStage(entries: ChangeSetEntry[], what: string, options: ApplyOptions, done: ChangeSetEntry[]) {
    try {
      await waitForObjects(
        this.client,
        entries,
        {
          timeout: options.waitTimeout ?? DEFAULT_WAIT_TIMEOUT_MS,
          interval: Math.min(options.waitInterval ?? DEFAULT_WAIT_INTERVAL_MS, 500),
        },
        this.concurrency,
      );
    } catch (error) {
      if (!(error instanceof WaitError)) throw error;
      const failures = error.notReady.map(report => ({
        subject: report.subject,
        message: `status '${report.status}': ${report.message}`,
      }));
      throw new ApplyError(`${what} did not become ready (${error.reason})`, failures, { entries: [...done] });
    }
  }

  /** Resolves each object's scope through discovery and sorts them in apply order. */
  private async resolveAll(objects: KubeObject[], done: ChangeSetEntry[]): Promise<Resolved[]> {
    const settled = await settleAll(objects, this.concurrency, async object => {
      const ref = await this.scoped(refOf(object));
      const normalized: KubeObject =
        ref.namespace === object.metadata.namespace
          ? object
          : { ...object, metadata: withNamespace(object.metadata, ref.namespace) };
      return { object: normalized, ref };
    });
    const failures = collectFailures(settled, objects.map(object => ({ ref: refOf(object) })));
    if (failures.length > 0) {
      throw new ApplyError(`${failures.length} object(s) cannot be applied`, failures, { entries: [...done] });
    }
    return sortForApply(
      settled.map(result => (result as { ok: true; value: Resolved }).value),
      item => item.ref,
    );
  }

  /** The reference as the cluster sees it: no namespace for cluster-scoped kinds, one required otherwise. */
  private async scoped(ref: ObjectRef): Promise<ObjectRef> {
    const mapping = await this.client.mapping(ref.apiVersion, ref.kind);
    if (!mapping.namespaced) {
      const { namespace: _ignored, ...rest } = ref;
      return rest;
    }
    if (!ref.namespace) throw new Error(`namespace not specified for the namespaced kind ${ref.kind}`);
    return ref;
  }
}

function collectFailures(settled: Array<{ ok: boolean; error?: unknown }>, items: Array<{ ref: ObjectRef }>): ObjectFailure[] {
  const failures: ObjectFailure[] = [];
  settled.forEach((result, index) => {
    if (!result.ok) failures.push({ subject: formatRef(items[index].ref), message: errorMessage(result.error) });
  });
  return failures;
}

function isClusterDefinition(object: KubeObject): boolean {
  const group = groupOf(object.apiVersion);
  return (
    (object.kind === 'CustomResourceDefinition' && group === 'apiextensions.k8s.io') ||
    (object.kind === 'Namespace' && object.apiVersion === 'v1') ||
    (object.kind === 'ClusterRole' && group === 'rbac.authorization.k8s.io')
  );
}

/** Every object names itself, and no object appears twice. */
function checkObjects(objects: KubeObject[]): void {
  if (!Array.isArray(objects)) throw new Error('objects must be a list');
  const seen = new Set<string>();
  objects.forEach((object, index) => {
    let ref: ObjectRef;
    try {
      ref = refOf(object);
    } catch (error) {
      throw new Error(`object #${index + 1}: ${errorMessage(error)}`);
    }
    const key = `${groupOf(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    if (seen.has(key)) throw new Error(`${formatRef(ref)} appears more than once`);
    seen.add(key);
  });
}

function toRef(item: KubeObject | ObjectRef): ObjectRef {
  if (item && typeof item === 'object' && 'metadata' in item) return refOf(item as KubeObject);
  const ref = item as ObjectRef;
  return refOf({ apiVersion: ref?.apiVersion, kind: ref?.kind, metadata: { name: ref?.name, namespace: ref?.namespace } });
}

function withNamespace(metadata: KubeObject['metadata'], namespace: string | undefined): KubeObject['metadata'] {
  const { namespace: _old, ...rest } = metadata;
  return namespace ? { ...rest, namespace } : (rest as KubeObject['metadata']);
}
