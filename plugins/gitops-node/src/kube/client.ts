import type { KubeConfig } from '@kubernetes/client-node';
import { isNotFound } from './errors';
import { RestMapper } from './restMapper';
import { createKubeTransport, KubeTransport, TransportOptions } from './transport';
import type {
  ApplyRequestOptions,
  DeleteRequestOptions,
  KubeClient,
  KubeObject,
  ListRequestOptions,
  ObjectRef,
  PatchRequestOptions,
  PatchType,
  ResourceMapping,
} from './types';

export const DEFAULT_FIELD_MANAGER = 'gitops';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

const LIST_PAGE_SIZE = '500';

export interface CreateKubeClientOptions extends TransportOptions {
  /** Use this transport instead of one built from the KubeConfig (to count or record requests). */
  transport?: KubeTransport;
}

/** A KubeClient over the current context of a KubeConfig, or over a given transport. */
export function createKubeClient(kubeConfig: KubeConfig | undefined, options: CreateKubeClientOptions = {}): KubeClient {
  const transport = options.transport ?? (kubeConfig ? createKubeTransport(kubeConfig, options) : undefined);
  if (!transport) throw new Error('createKubeClient needs a KubeConfig or a transport');
  return new HttpKubeClient(transport);
}

class HttpKubeClient implements KubeClient {
  private readonly mapper: RestMapper;

  constructor(private readonly transport: KubeTransport) {
    this.mapper = new RestMapper(transport);
  }

  mapping(apiVersion: string, kind: string): Promise<ResourceMapping> {
    return this.mapper.resolve(apiVersion, kind);
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const path = await this.itemPath(ref);
    try {
      return (await this.transport.request({ method: 'GET', path })) as KubeObject;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async apply(object: KubeObject, options: ApplyRequestOptions = {}): Promise<KubeObject> {
    const ref = refOf(object);
    const mapping = await this.mapping(ref.apiVersion, ref.kind);
    const path = this.pathFor(mapping, ref);
    const body = mapping.namespaced ? object : withoutNamespace(object);
    return (await this.transport.request({
      method: 'PATCH',
      path,
      query: {
        fieldManager: options.fieldManager ?? DEFAULT_FIELD_MANAGER,
        force: options.force === false ? undefined : 'true',
        dryRun: options.dryRun ? 'All' : undefined,
      },
      // JSON is YAML: the apply content type takes it as is.
      body: JSON.stringify(body),
      contentType: 'application/apply-patch+yaml',
    })) as KubeObject;
  }

  async delete(ref: ObjectRef, options: DeleteRequestOptions = {}): Promise<boolean> {
    const path = await this.itemPath(ref);
    try {
      await this.transport.request({
        method: 'DELETE',
        path,
        query: { dryRun: options.dryRun ? 'All' : undefined },
        body: JSON.stringify({
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          propagationPolicy: options.propagationPolicy ?? 'Background',
        }),
      });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async list(apiVersion: string, kind: string, options: ListRequestOptions = {}): Promise<KubeObject[]> {
    const mapping = await this.mapping(apiVersion, kind);
    const path = this.collectionPath(mapping, mapping.namespaced ? options.namespace : undefined);
    const items: KubeObject[] = [];
    let next: string | undefined;
    do {
      const page = (await this.transport.request({
        method: 'GET',
        path,
        query: { labelSelector: options.labelSelector || undefined, limit: LIST_PAGE_SIZE, continue: next },
      })) as { items?: KubeObject[]; metadata?: { continue?: string } };
      for (const item of page.items ?? []) items.push({ ...item, apiVersion, kind });
      next = page.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  async patch(ref: ObjectRef, patch: unknown, options: PatchRequestOptions): Promise<KubeObject> {
    const base = await this.itemPath(ref);
    const path = options.subresource ? `${base}/${encodeURIComponent(options.subresource)}` : base;
    return (await this.transport.request({
      method: 'PATCH',
      path,
      query: { fieldManager: options.fieldManager },
      body: JSON.stringify(patch),
      contentType: PATCH_CONTENT_TYPES[options.type],
    })) as KubeObject;
  }

  private async itemPath(ref: ObjectRef): Promise<string> {
    checkRef(ref);
    return this.pathFor(await this.mapping(ref.apiVersion, ref.kind), ref);
  }

  private pathFor(mapping: ResourceMapping, ref: ObjectRef): string {
    if (mapping.namespaced && !ref.namespace) {
      throw new Error(`${ref.kind}/${ref.name}: namespace is required for the namespaced kind ${ref.kind}`);
    }
    const collection = this.collectionPath(mapping, mapping.namespaced ? ref.namespace : undefined);
    return `${collection}/${encodeURIComponent(ref.name)}`;
  }

  private collectionPath(mapping: ResourceMapping, namespace: string | undefined): string {
    const root = mapping.group
      ? `/apis/${encodeURIComponent(mapping.group)}/${encodeURIComponent(mapping.version)}`
      : `/api/${encodeURIComponent(mapping.version)}`;
    const scope = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${root}${scope}/${encodeURIComponent(mapping.resource)}`;
  }
}

/** The reference of an object, checking that it names one. */
export function refOf(object: KubeObject): ObjectRef {
  const ref: ObjectRef = {
    apiVersion: object?.apiVersion,
    kind: object?.kind,
    name: object?.metadata?.name,
    namespace: object?.metadata?.namespace || undefined,
  };
  checkRef(ref);
  return ref;
}

function checkRef(ref: ObjectRef): void {
  if (typeof ref.apiVersion !== 'string' || !ref.apiVersion) throw new Error('object has no apiVersion');
  if (typeof ref.kind !== 'string' || !ref.kind) throw new Error(`object of apiVersion ${ref.apiVersion} has no kind`);
  if (typeof ref.name !== 'string' || !ref.name) throw new Error(`${ref.kind} object has no metadata.name`);
  if (ref.namespace !== undefined && typeof ref.namespace !== 'string') {
    throw new Error(`${ref.kind}/${ref.name}: metadata.namespace must be a string`);
  }
}

function withoutNamespace(object: KubeObject): KubeObject {
  if (!object.metadata.namespace) return object;
  const { namespace: _ignored, ...metadata } = object.metadata;
  return { ...object, metadata: metadata as KubeObject['metadata'] };
}
