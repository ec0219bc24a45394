import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { parseGoDuration } from '@internal/plugin-gitops-common';
import { ClusterConnection } from '@internal/plugin-gitops-node';
import os from 'node:os';
import path from 'node:path';
import { FleetConfig } from './fleets/fleetObjects';

/** The plugin's settings, read once from app-config and checked. */
export interface GitOpsConfig {
  defaultCluster: string;
  clusters: Array<{ name: string; connection: ClusterConnection }>;
  fleets: FleetConfig[];
  concurrency: number;
  pollSeconds: number;
  historyRetentionMs: number;
  gitImplementation: 'auto' | 'native' | 'isomorphic';
  workingDirectory: string;
  maxArtifactBytes: number;
}

export function readGitOpsConfig(root: Config): GitOpsConfig {
  const config = root.getOptionalConfig('gitops');
  const clusters = (config?.getOptionalConfigArray('clusters') ?? []).map(readCluster);
  const names = new Set<string>();
  for (const cluster of clusters) {
    if (names.has(cluster.name)) throw new InputError(`gitops.clusters: '${cluster.name}' is configured twice`);
    names.add(cluster.name);
  }
  const fleets = (config?.getOptionalConfigArray('fleets') ?? []).map(fleet => readFleet(fleet, names));
  const implementation = config?.getOptionalString('git.implementation') ?? 'auto';
  if (!['auto', 'native', 'isomorphic'].includes(implementation)) {
    throw new InputError(`gitops.git.implementation must be auto, native or isomorphic, not '${implementation}'`);
  }
  return {
    defaultCluster: config?.getOptionalString('defaultCluster') ?? clusters[0]?.name ?? 'default',
    clusters,
    fleets,
    concurrency: positive(config?.getOptionalNumber('scheduler.concurrency') ?? 4, 'gitops.scheduler.concurrency'),
    pollSeconds: positive(config?.getOptionalNumber('scheduler.pollSeconds') ?? 2, 'gitops.scheduler.pollSeconds'),
    historyRetentionMs: readRetention(config),
    gitImplementation: implementation as GitOpsConfig['gitImplementation'],
    workingDirectory: config?.getOptionalString('workingDirectory') ?? path.join(os.tmpdir(), 'backstage-gitops'),
    maxArtifactBytes: positive(config?.getOptionalNumber('maxArtifactMiB') ?? 50, 'gitops.maxArtifactMiB') * 1024 * 1024,
  };
}

function readCluster(config: Config): { name: string; connection: ClusterConnection } {
  const name = config.getString('name');
  if (config.has('kubeconfig')) {
    return {
      name,
      connection: {
        kind: 'kubeconfig',
        path: config.getString('kubeconfig.path'),
        context: config.getOptionalString('kubeconfig.context'),
      },
    };
  }
  if (config.has('url')) {
    return {
      name,
      connection: {
        kind: 'url',
        url: config.getString('url'),
        caData: config.getOptionalString('caData'),
        caFile: config.getOptionalString('caFile'),
        token: config.getOptionalString('token'),
        skipTLSVerify: config.getOptionalBoolean('skipTLSVerify'),
      },
    };
  }
  if (config.getOptionalBoolean('inCluster')) return { name, connection: { kind: 'inCluster' } };
  throw new InputError(`gitops.clusters '${name}': set kubeconfig, url or inCluster`);
}

function readFleet(config: Config, clusters: Set<string>): FleetConfig {
  const name = config.getString('name');
  const cluster = config.getString('cluster');
  if (!clusters.has(cluster)) throw new InputError(`gitops.fleets '${name}': cluster '${cluster}' is not in gitops.clusters`);
  const interval = config.getOptionalString('interval') ?? '5m';
  duration(interval, `gitops.fleets '${name}' interval`);
  const ref = config.getOptionalConfig('ref');
  return {
    name,
    url: config.getString('url'),
    ref: ref
      ? {
          branch: ref.getOptionalString('branch'),
          tag: ref.getOptionalString('tag'),
          semver: ref.getOptionalString('semver'),
          name: ref.getOptionalString('name'),
          commit: ref.getOptionalString('commit'),
        }
      : undefined,
    path: config.getString('path'),
    cluster,
    interval,
    namespace: config.getOptionalString('namespace'),
    secretRef: config.getOptionalString('secretRef'),
    ignore: config.getOptionalString('ignore'),
    prune: config.getOptionalBoolean('prune'),
  };
}

/** `history.retention` as a Go duration string, or as a duration object like the scheduler's. */
function readRetention(config: Config | undefined): number {
  const key = 'gitops.history.retention';
  if (!config?.has('history.retention')) return parseGoDuration('720h');
  if (typeof config.get('history.retention') === 'string') {
    return positive(duration(config.getString('history.retention'), key), key);
  }
  try {
    return positive(durationToMilliseconds(readDurationFromConfig(config, { key: 'history.retention' })), key);
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
}

function positive(value: number, key: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new InputError(`${key} must be a positive number`);
  return value;
}

function duration(value: string, key: string): number {
  try {
    return parseGoDuration(value);
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
}
