import {
  ClusterConnection,
  createKubeClient,
  createKubeConfig,
  KubeClient,
  ResourceManager,
} from '@internal/plugin-gitops-node';

export interface ClusterDefinition {
  name: string;
  connection: ClusterConnection;
}

/** A target cluster as the reconcilers use it: a client and an apply engine over it. */
export interface ClusterAccess {
  name: string;
  client: KubeClient;
  resources: ResourceManager;
}

/**
 * The target clusters named in config. Clients are built on first use, so a broken cluster entry fails the
 * objects that target it (with the cause in their Ready condition), not the backend's start-up.
 */
export class ClusterRegistry {
  private readonly definitions = new Map<string, ClusterDefinition>();
  private readonly access = new Map<string, ClusterAccess>();

  /** `createClient` lets a caller wrap the client (the benchmark counts API requests with it). */
  constructor(
    definitions: ClusterDefinition[],
    private readonly createClient: (definition: ClusterDefinition) => KubeClient = definition =>
      createKubeClient(createKubeConfig(definition.name, definition.connection)),
  ) {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
  }

  names(): string[] {
    return [...this.definitions.keys()];
  }

  get(name: string): ClusterAccess {
    const cached = this.access.get(name);
    if (cached) return cached;
    const definition = this.definitions.get(name);
    if (!definition) {
      throw new Error(`cluster '${name}' is not configured (gitops.clusters has: ${this.names().join(', ') || 'none'})`);
    }
    const client = this.createClient(definition);
    const access = { name, client, resources: new ResourceManager({ client }) };
    this.access.set(name, access);
    return access;
  }
}
