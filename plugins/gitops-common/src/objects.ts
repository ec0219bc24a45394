/** The object model: Flux's own resource formats, as they are written in git. */

/** API groups and versions of the Flux kinds the platform understands. */
export const FLUX_API_VERSIONS = {
  GitRepository: 'source.toolkit.fluxcd.io/v1',
  HelmRepository: 'source.toolkit.fluxcd.io/v1',
  HelmChart: 'source.toolkit.fluxcd.io/v1',
  OCIRepository: 'source.toolkit.fluxcd.io/v1',
  Bucket: 'source.toolkit.fluxcd.io/v1',
  Kustomization: 'kustomize.toolkit.fluxcd.io/v1',
  HelmRelease: 'helm.toolkit.fluxcd.io/v2',
  Provider: 'notification.toolkit.fluxcd.io/v1beta3',
  Alert: 'notification.toolkit.fluxcd.io/v1beta3',
  Receiver: 'notification.toolkit.fluxcd.io/v1',
  ArtifactGenerator: 'source.extensions.fluxcd.io/v1beta1',
  ExternalArtifact: 'source.toolkit.fluxcd.io/v1',
} as const;

export type FluxKind = keyof typeof FLUX_API_VERSIONS;

export const FLUX_KINDS = Object.keys(FLUX_API_VERSIONS) as FluxKind[];

/** The Flux API groups: a manifest in one of these groups is a platform object, never sent to a cluster. */
export const FLUX_API_GROUPS = [
  'source.toolkit.fluxcd.io',
  'source.extensions.fluxcd.io',
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
] as const;

export function isFluxApiVersion(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return (FLUX_API_GROUPS as readonly string[]).includes(group);
}

export function isFluxKind(kind: string): kind is FluxKind {
  return (FLUX_KINDS as string[]).includes(kind);
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  generation?: number;
}

/** A reference to another object, as Flux writes it (`sourceRef`, `dependsOn`, `secretRef`). */
export interface CrossNamespaceObjectReference {
  apiVersion?: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface LocalObjectReference {
  name: string;
}

/** Duration strings in Go's format (`1m30s`, `10m`, `1h`). */
export type GoDuration = string;

export interface GitRepositoryRef {
  branch?: string;
  tag?: string;
  semver?: string;
  name?: string;
  commit?: string;
}

export interface GitRepositorySpec {
  url: string;
  ref?: GitRepositoryRef;
  secretRef?: LocalObjectReference;
  interval: GoDuration;
  timeout?: GoDuration;
  ignore?: string;
  suspend?: boolean;
}

export interface KustomizationSpec {
  sourceRef: CrossNamespaceObjectReference;
  path?: string;
  interval: GoDuration;
  retryInterval?: GoDuration;
  timeout?: GoDuration;
  prune: boolean;
  wait?: boolean;
  force?: boolean;
  suspend?: boolean;
  targetNamespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  dependsOn?: Array<{ name: string; namespace?: string }>;
  healthChecks?: CrossNamespaceObjectReference[];
  deletionPolicy?: 'MirrorPrune' | 'Delete' | 'WaitForTermination' | 'Orphan';
  commonMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  postBuild?: {
    substitute?: Record<string, string>;
    substituteFrom?: Array<{ kind: 'ConfigMap' | 'Secret'; name: string; optional?: boolean }>;
  };
  patches?: Array<{ patch: string; target?: Record<string, string> }>;
  images?: Array<{ name: string; newName?: string; newTag?: string; digest?: string }>;
  components?: string[];
}

export interface HelmReleaseSpec {
  chart?: {
    spec: {
      chart: string;
      version?: string;
      sourceRef: CrossNamespaceObjectReference;
      interval?: GoDuration;
      valuesFiles?: string[];
    };
  };
  chartRef?: CrossNamespaceObjectReference;
  interval: GoDuration;
  releaseName?: string;
  targetNamespace?: string;
  storageNamespace?: string;
  dependsOn?: Array<{ name: string; namespace?: string }>;
  values?: Record<string, unknown>;
  valuesFrom?: Array<{
    kind: 'ConfigMap' | 'Secret';
    name: string;
    valuesKey?: string;
    targetPath?: string;
    optional?: boolean;
  }>;
  suspend?: boolean;
  timeout?: GoDuration;
  maxHistory?: number;
}

/** A Flux object as declared in git, with the spec of its kind. */
export interface FluxObject<Spec = Record<string, unknown>> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: Spec;
}

/** Identity of an object of the platform: which cluster it targets, its kind, namespace and name. */
export interface ObjectId {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
}

/** `cluster/Kind/namespace/name`: the form used in URLs, annotations and logs. */
export function formatObjectId(id: ObjectId): string {
  return `${id.cluster}/${id.kind}/${id.namespace}/${id.name}`;
}

/**
 * Parses `[cluster/]Kind/namespace/name`; the cluster defaults to `defaultCluster`.
 * Returns undefined for anything else, so callers decide how to report it.
 */
export function parseObjectId(text: string, defaultCluster: string): ObjectId | undefined {
  const parts = text.trim().split('/');
  if (parts.length === 3) parts.unshift(defaultCluster);
  if (parts.length !== 4 || parts.some(part => part.length === 0)) return undefined;
  const [cluster, kind, namespace, name] = parts;
  return { cluster, kind, namespace, name };
}
