export { buildKustomization } from './build';
export type { BuildOptions, BuildOverrides } from './build';
export { parseManifests, objectKey, ManifestError } from './manifests';
export type { KubeObject } from './manifests';
export { isClusterScopedKind } from './clusterScopedKinds';
export { resolveInsideRoot, PathEscapeError } from './safePath';
