import { Command } from 'commander';
import { apiClientFrom, ApiOptions } from '../program';
import { resolveKind } from '../kinds';

interface ActionOptions {
  namespace: string;
  cluster?: string;
}

const ACTIONS = {
  reconcile: 'Request a reconcile now (like flux reconcile); the answer comes when the request is recorded',
  suspend: 'Suspend the reconciliation of an object',
  resume: 'Resume the reconciliation of a suspended object',
} as const;

export function registerActionCommands(program: Command) {
  for (const [action, description] of Object.entries(ACTIONS) as Array<[keyof typeof ACTIONS, string]>) {
    program
      .command(action)
      .description(description)
      .argument('<kind>', 'Kustomization, HelmRelease, GitRepository, ... (or ks, hr, gitrepo)')
      .argument('<name>', 'object name')
      .option('-n, --namespace <namespace>', 'namespace of the object', 'flux-system')
      .option('--cluster <cluster>', 'target cluster; needed when several clusters hold the name')
      .action(async (kind: string, name: string, options: ActionOptions, command: Command) => {
        const client = apiClientFrom(command.optsWithGlobals<ApiOptions>());
        const resolvedKind = resolveKind(kind);
        const cluster = options.cluster ?? (await findCluster(client, resolvedKind, options.namespace, name));
        const response = await client.act({ cluster, kind: resolvedKind, namespace: options.namespace, name }, action);
        const suffix = response.requestedAt ? ` at ${response.requestedAt}` : '';
        process.stdout.write(
          `► ${action} ${resolvedKind} ${cluster}/${options.namespace}/${name}: recorded${suffix} (now ${response.object.health})\n`,
        );
      });
  }
}

async function findCluster(
  client: ReturnType<typeof apiClientFrom>,
  kind: string,
  namespace: string,
  name: string,
): Promise<string> {
  const matches = (await client.listObjects({ kind, namespace })).filter(object => object.name === name);
  if (matches.length === 0) throw new Error(`${kind} '${namespace}/${name}' not found`);
  if (matches.length > 1) {
    throw new Error(`${kind} '${namespace}/${name}' exists on ${matches.map(m => m.cluster).join(', ')}: pass --cluster`);
  }
  return matches[0].cluster;
}
