import { FLUX_KINDS } from '@internal/plugin-gitops-common';

/** Short names as the flux CLI and kubectl accept them. */
const ALIASES: Record<string, string> = {
  ks: 'Kustomization',
  kustomization: 'Kustomization',
  kustomizations: 'Kustomization',
  hr: 'HelmRelease',
  helmrelease: 'HelmRelease',
  helmreleases: 'HelmRelease',
  gitrepo: 'GitRepository',
  gitrepository: 'GitRepository',
  gitrepositories: 'GitRepository',
  helmrepo: 'HelmRepository',
  helmrepository: 'HelmRepository',
  helmrepositories: 'HelmRepository',
  helmchart: 'HelmChart',
  ocirepo: 'OCIRepository',
  ocirepository: 'OCIRepository',
};

/** Resolves a kind or alias to the Flux kind name; unknown names are an error that lists the valid ones. */
export function resolveKind(input: string): string {
  const exact = FLUX_KINDS.find(kind => kind === input);
  if (exact) return exact;
  const aliased = ALIASES[input.toLowerCase()];
  if (aliased) return aliased;
  throw new Error(`unknown kind '${input}'; use one of ${FLUX_KINDS.join(', ')} or ks, hr, gitrepo, helmrepo`);
}
