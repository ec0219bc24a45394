export { createKubeConfig } from './kubeConfig';
export type { ClusterConnection } from './kubeConfig';
