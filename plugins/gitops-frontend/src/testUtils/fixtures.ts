import { Entity } from '@backstage/catalog-model';
import { GitOpsObject, HistoryEntry, ObjectEvent, ObjectId, Page } from '@internal/plugin-gitops-common';
import { GitOpsApi, PageRequest } from '../api';

export const podinfoEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'podinfo',
    namespace: 'default',
    annotations: { 'gitops.backstage.io/objects': 'staging/Kustomization/flux-system/apps' },
  },
  spec: { type: 'service', owner: 'web-team', lifecycle: 'production' },
};

export const unlinkedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'docs-site', namespace: 'default' },
  spec: { type: 'website', owner: 'web-team', lifecycle: 'experimental' },
};

export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export function kustomization(overrides: Partial<GitOpsObject> = {}): GitOpsObject {
  return {
    cluster: 'staging',
    kind: 'Kustomization',
    namespace: 'flux-system',
    name: 'apps',
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    spec: { interval: '10m', path: './apps/staging', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
    labels: {},
    annotations: {},
    generation: 2,
    suspended: false,
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: 'Applied revision: main@sha1:0123456789abcdef0123456789abcdef01234567',
          lastTransitionTime: minutesAgo(3),
        },
      ],
      lastAppliedRevision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
      lastAttemptedRevision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
    },
    origin: 'config',
    health: 'Ready',
    lastReconciledAt: minutesAgo(3),
    createdAt: minutesAgo(60),
    updatedAt: minutesAgo(3),
    ...overrides,
  };
}

/** A GitOpsApi whose every method is a jest mock; the UI tests set the answers they need. */
export function fakeGitOpsApi(objects: GitOpsObject[] = []): jest.Mocked<GitOpsApi> {
  const emptyPage = <T>(): Page<T> => ({ items: [], total: 0, offset: 0, limit: 5 });
  const idOf = ({ cluster, kind, namespace, name }: ObjectId): ObjectId => ({ cluster, kind, namespace, name });
  return {
    listObjects: jest.fn(async () => objects),
    getObject: jest.fn(async id => objects.find(o => o.name === id.name) ?? kustomization()),
    getHistory: jest.fn(async (_id: ObjectId, _page?: PageRequest) => emptyPage<HistoryEntry>()),
    getEvents: jest.fn(async (_id: ObjectId, _page?: PageRequest) => emptyPage<ObjectEvent>()),
    reconcile: jest.fn(async id => ({ object: { ...kustomization(), ...idOf(id) }, requestedAt: new Date().toISOString() })),
    suspend: jest.fn(async id => ({ object: { ...kustomization({ suspended: true, health: 'Suspended' }), ...idOf(id) } })),
    resume: jest.fn(async id => ({ object: { ...kustomization(), ...idOf(id) } })),
  };
}
