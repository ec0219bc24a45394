import { Command } from 'commander';
import { findCondition, GitOpsObject, ObjectHealth } from '@internal/plugin-gitops-common';
import { apiClientFrom, ApiOptions } from '../program';
import { resolveKind } from '../kinds';
import { formatTable } from '../table';

interface GetOptions {
  namespace?: string;
  cluster?: string;
  entity?: string;
  status?: string;
  output: 'table' | 'json';
}

export function registerGetCommand(program: Command) {
  program
    .command('get')
    .description('List objects of the platform, or show one: gitops get [KIND [NAME]]')
    .argument('[kind]', 'Kustomization, HelmRelease, GitRepository, ... (or ks, hr, gitrepo)')
    .argument('[name]', 'object name: shows its conditions, inventory and recent history')
    .option('-n, --namespace <namespace>', 'namespace of the objects')
    .option('--cluster <cluster>', 'target cluster of the objects')
    .option('--entity <entityRef>', 'only objects linked to this catalog entity (component:default/podinfo)')
    .option('--status <health>', 'Ready, Failed, Reconciling, Suspended, Stalled or Unknown')
    .option('-o, --output <format>', 'table or json', 'table')
    .action(async (kind: string | undefined, name: string | undefined, options: GetOptions, command: Command) => {
      const client = apiClientFrom(command.optsWithGlobals<ApiOptions>());
      const resolvedKind = kind ? resolveKind(kind) : undefined;
      if (name) {
        if (!resolvedKind) throw new Error('a name needs a kind');
        const objects = await client.listObjects({
          kind: resolvedKind,
          cluster: options.cluster,
          namespace: options.namespace,
        });
        const matches = objects.filter(object => object.name === name);
        if (matches.length === 0) throw new Error(`${resolvedKind} '${name}' not found`);
        if (matches.length > 1) {
          throw new Error(`${matches.length} objects named '${name}'; narrow with --cluster and --namespace`);
        }
        const object = matches[0];
        const history = await client.getHistory(object, 5);
        process.stdout.write(
          options.output === 'json'
            ? `${JSON.stringify({ ...object, history: history.items }, null, 2)}\n`
            : `${describeObject(object, history.items)}\n`,
        );
        return;
      }
      const objects = await client.listObjects({
        kind: resolvedKind,
        cluster: options.cluster,
        namespace: options.namespace,
        entityRef: options.entity,
        health: options.status as ObjectHealth | undefined,
      });
      if (options.output === 'json') {
        process.stdout.write(`${JSON.stringify(objects, null, 2)}\n`);
      } else if (objects.length === 0) {
        process.stdout.write('No objects found.\n');
      } else {
        process.stdout.write(`${formatTable(LIST_HEADER, objects.map(listRow))}\n`);
      }
    });
}

const LIST_HEADER = ['CLUSTER', 'KIND', 'NAMESPACE', 'NAME', 'REVISION', 'SUSPENDED', 'READY', 'MESSAGE'];

function listRow(object: GitOpsObject): string[] {
  const ready = findCondition(object.status.conditions, 'Ready');
  return [
    object.cluster,
    object.kind,
    object.namespace,
    object.name,
    object.status.lastAppliedRevision ?? object.status.artifact?.revision ?? '',
    String(object.suspended),
    ready?.status ?? 'Unknown',
    ready?.message ?? '',
  ];
}

function describeObject(object: GitOpsObject, history: Array<{ startedAt: string; result: string; revision?: string; message: string }>): string {
  const lines = [
    `${object.kind} ${object.cluster}/${object.namespace}/${object.name}`,
    `  health:            ${object.health}${object.suspended ? ' (suspended)' : ''}`,
    `  generation:        ${object.generation} (observed ${object.status.observedGeneration ?? '-'})`,
    `  applied revision:  ${object.status.lastAppliedRevision ?? '-'}`,
    `  attempted:         ${object.status.lastAttemptedRevision ?? '-'}`,
    `  last reconcile:    ${object.lastReconciledAt ?? '-'}`,
    `  next reconcile:    ${object.nextReconcileAt ?? '-'}`,
    'Conditions:',
    ...(object.status.conditions ?? []).map(
      c => `  ${c.type}=${c.status} ${c.reason}: ${c.message} (${c.lastTransitionTime})`,
    ),
    `Inventory (${object.status.inventory?.entries.length ?? 0}):`,
    ...(object.status.inventory?.entries ?? []).map(entry => `  ${entry.id} ${entry.v}`),
    'History:',
    ...history.map(h => `  ${h.startedAt} ${h.result} ${h.revision ?? ''} ${h.message}`),
  ];
  return lines.join('\n');
}
