import { ClusterRegistry } from './ClusterRegistry';

/**
 * Reads Secrets and ConfigMaps that objects reference (git credentials, substitutions) from the object's target
 * cluster, as Flux does. Values are returned decoded and never logged.
 */
export class SecretReader {
  constructor(private readonly clusters: ClusterRegistry) {}

  /** The Secret's data, decoded; throws an Error naming the Secret (not its content) when it is missing. */
  async secretData(cluster: string, namespace: string, name: string): Promise<Record<string, string>> {
    const secret = await this.clusters.get(cluster).client.get({ apiVersion: 'v1', kind: 'Secret', namespace, name });
    if (!secret) throw new Error(`secret '${namespace}/${name}' not found on cluster '${cluster}'`);
    const data = (secret.data ?? {}) as Record<string, string>;
    const stringData = (secret.stringData ?? {}) as Record<string, string>;
    const decoded: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) decoded[key] = Buffer.from(value, 'base64').toString('utf8');
    return { ...decoded, ...stringData };
  }

  async configMapData(cluster: string, namespace: string, name: string): Promise<Record<string, string> | undefined> {
    const configMap = await this.clusters
      .get(cluster)
      .client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name });
    return configMap ? ((configMap.data ?? {}) as Record<string, string>) : undefined;
  }
}
