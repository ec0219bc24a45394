import fs from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

/** How the platform reaches one target cluster (`gitops.clusters[]` in app-config). */
export type ClusterConnection =
  | { kind: 'kubeconfig'; path: string; context?: string }
  | { kind: 'url'; url: string; caData?: string; caFile?: string; token?: string; skipTLSVerify?: boolean }
  | { kind: 'inCluster' };

/**
 * Builds a client configuration for a cluster. Errors name the cluster and the problem (missing file, unknown
 * context), never a credential.
 */
export function createKubeConfig(clusterName: string, connection: ClusterConnection): KubeConfig {
  const config = new KubeConfig();
  switch (connection.kind) {
    case 'kubeconfig': {
      if (!fs.existsSync(connection.path)) {
        throw new Error(`cluster '${clusterName}': kubeconfig file ${connection.path} does not exist`);
      }
      config.loadFromFile(connection.path);
      if (connection.context) {
        if (!config.getContextObject(connection.context)) {
          throw new Error(`cluster '${clusterName}': context '${connection.context}' is not in ${connection.path}`);
        }
        config.setCurrentContext(connection.context);
      }
      break;
    }
    case 'url': {
      const caData =
        connection.caData ??
        (connection.caFile ? fs.readFileSync(connection.caFile).toString('base64') : undefined);
      config.loadFromClusterAndUser(
        { name: clusterName, server: connection.url, caData, skipTLSVerify: connection.skipTLSVerify ?? false },
        { name: `${clusterName}-user`, token: connection.token },
      );
      break;
    }
    case 'inCluster':
      config.loadFromCluster();
      break;
    default:
      throw new Error(`cluster '${clusterName}': unknown connection kind`);
  }
  if (!config.getCurrentCluster()) throw new Error(`cluster '${clusterName}': the configuration names no cluster`);
  return config;
}
