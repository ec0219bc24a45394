import type { KubeObject } from '../build/manifests';

export type { KubeObject };

/** Names one object of a cluster: what a GET, DELETE or health check needs. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** Empty or absent for cluster-scoped kinds. */
  namespace?: string;
}

/** Where a kind lives in the REST API, as discovery reports it. */
export interface ResourceMapping {
  group: string;
  version: string;
  kind: string;
  /** The plural resource name used in URLs (`deployments`). */
  resource: string;
  namespaced: boolean;
}

export interface ApplyRequestOptions {
  /** Server-side dry run: the apiserver validates and returns the result without persisting it. */
  dryRun?: boolean;
  /** Take over fields owned by other managers (Flux always does). Default true. */
  force?: boolean;
  /** Default `gitops`. */
  fieldManager?: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteRequestOptions {
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
}

export interface ListRequestOptions {
  namespace?: string;
  /** A label selector in the apiserver's syntax (`app=web,tier!=db`). */
  labelSelector?: string;
}

export type PatchType = 'merge' | 'strategic' | 'json';

export interface PatchRequestOptions {
  type: PatchType;
  /** `status` to patch the status subresource. */
  subresource?: string;
  fieldManager?: string;
}

/**
 * What the engines need from a cluster. The HTTP implementation is `createKubeClient`; callers can
 * substitute their own (a recording or counting wrapper, a fake in unit tests).
 */
export interface KubeClient {
  /** REST mapping of a kind, refreshing discovery once when the kind is unknown. */
  mapping(apiVersion: string, kind: string): Promise<ResourceMapping>;
  /** The live object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Server-side apply (`application/apply-patch+yaml`); returns the object as the apiserver stored it. */
  apply(object: KubeObject, options?: ApplyRequestOptions): Promise<KubeObject>;
  /** Deletes the object; false when it was already gone. */
  delete(ref: ObjectRef, options?: DeleteRequestOptions): Promise<boolean>;
  /** Every object of a kind, across pages; items carry apiVersion and kind. */
  list(apiVersion: string, kind: string, options?: ListRequestOptions): Promise<KubeObject[]>;
  patch(ref: ObjectRef, patch: unknown, options: PatchRequestOptions): Promise<KubeObject>;
}
