import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from a manifest. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export class ManifestError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ManifestError';
  }
}

/**
 * Parses a multi-document YAML file into objects. Empty documents are skipped; a document that is not a
 * Kubernetes object (no apiVersion, kind or metadata.name) is an error naming the file and document.
 */
export function parseManifests(text: string, file: string): KubeObject[] {
  const objects: KubeObject[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    if (document.errors.length > 0) {
      throw new ManifestError(file, `invalid YAML in document ${index + 1}: ${document.errors[0].message}`);
    }
    const value = document.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) return;
    if (Array.isArray(value) || typeof value !== 'object') {
      throw new ManifestError(file, `document ${index + 1} is not a Kubernetes object`);
    }
    const object = value as Partial<KubeObject>;
    if (object.kind === 'List' && Array.isArray((object as { items?: unknown[] }).items)) {
      for (const item of (object as { items: unknown[] }).items) objects.push(validate(item, file, index));
      return;
    }
    objects.push(validate(object, file, index));
  });
  return objects;
}

/** True when the text looks like Kubernetes manifests (used to pick files when generating a kustomization). */
export function looksLikeManifests(text: string): boolean {
  try {
    return parseAllDocuments(text).some(document => {
      const value = document.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
      return Boolean(value && typeof value === 'object' && value.apiVersion && value.kind);
    });
  } catch {
    return false;
  }
}

function validate(value: unknown, file: string, index: number): KubeObject {
  const object = value as Partial<KubeObject>;
  const where = `document ${index + 1}`;
  if (!object || typeof object !== 'object') throw new ManifestError(file, `${where} is not a Kubernetes object`);
  if (typeof object.apiVersion !== 'string' || !object.apiVersion) {
    throw new ManifestError(file, `${where} has no apiVersion`);
  }
  if (typeof object.kind !== 'string' || !object.kind) throw new ManifestError(file, `${where} has no kind`);
  if (!object.metadata || typeof object.metadata.name !== 'string' || !object.metadata.name) {
    throw new ManifestError(file, `${where} (${object.kind}) has no metadata.name`);
  }
  return object as KubeObject;
}

/** `group/Kind/namespace/name`: one object whatever version it is written in. */
export function objectKey(object: KubeObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return `${group}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
