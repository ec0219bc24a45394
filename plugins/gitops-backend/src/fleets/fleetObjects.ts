import { FLUX_API_VERSIONS, FluxObject, GitRepositoryRef } from '@internal/plugin-gitops-common';

/** A fleet from `gitops.fleets`: a repository path the platform reconciles into one cluster. */
export interface FleetConfig {
  name: string;
  url: string;
  ref?: GitRepositoryRef;
  path: string;
  cluster: string;
  interval: string;
  namespace?: string;
  secretRef?: string;
  /** gitignore-style patterns left out of the source artifact (Flux's `spec.ignore`). */
  ignore?: string;
  prune?: boolean;
}

/**
 * The objects `flux bootstrap` would create for a fleet: a GitRepository for the repository and a
 * Kustomization that applies its path. Flux kinds found in that path register further objects.
 */
export function fleetObjects(fleet: FleetConfig): FluxObject[] {
  const namespace = fleet.namespace ?? 'flux-system';
  const labels = { 'gitops.backstage.io/fleet': fleet.name };
  return [
    {
      apiVersion: FLUX_API_VERSIONS.GitRepository,
      kind: 'GitRepository',
      metadata: { name: fleet.name, namespace, labels },
      spec: {
        url: fleet.url,
        ref: fleet.ref ?? { branch: 'main' },
        interval: fleet.interval,
        ...(fleet.secretRef ? { secretRef: { name: fleet.secretRef } } : {}),
        ...(fleet.ignore ? { ignore: fleet.ignore } : {}),
      },
    },
    {
      apiVersion: FLUX_API_VERSIONS.Kustomization,
      kind: 'Kustomization',
      metadata: { name: fleet.name, namespace, labels },
      spec: {
        sourceRef: { kind: 'GitRepository', name: fleet.name },
        path: fleet.path,
        interval: fleet.interval,
        prune: fleet.prune ?? true,
      },
    },
  ];
}
