/**
 * Reconcile throughput of the whole loop (git source, build, staged server-side apply, inventory) against a real
 * kube-apiserver: N Kustomizations of M ConfigMaps each, registered from one fleet. Prints reconciles per minute
 * for the first sync and for a no-change resync, API requests per no-change reconcile, and peak memory.
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs test/bench/reconcile.bench.ts
 *   BENCH_KUSTOMIZATIONS=1000 BENCH_OBJECTS=20 BENCH_CONCURRENCY=8 ...
 */
import { ConfigReader } from '@backstage/config';
import {
  countRequests,
  createKubeClient,
  createKubeConfig,
  createKubeTransport,
  CountingTransport,
} from '@internal/plugin-gitops-node';
import { ClusterRegistry } from '@internal/plugin-gitops-backend/src/clusters/ClusterRegistry';
import { readGitOpsConfig } from '@internal/plugin-gitops-backend/src/config';
import { createEngine } from '@internal/plugin-gitops-backend/src/engine';
import { DatabaseObjectStore, migrate } from '@internal/plugin-gitops-backend/src/store/DatabaseObjectStore';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { startControlPlane, startGitServer } from '../harness';

const KUSTOMIZATIONS = Number(process.env.BENCH_KUSTOMIZATIONS ?? 1000);
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function fleetFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let k = 0; k < KUSTOMIZATIONS; k++) {
    const name = `app-${String(k).padStart(4, '0')}`;
    files[`clusters/bench/${name}.yaml`] = [
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      `metadata: { name: ${name}, namespace: flux-system }`,
      `spec: { interval: 1h, path: ./apps/${name}, prune: true, targetNamespace: bench, sourceRef: { kind: GitRepository, name: fleet } }`,
    ].join('\n');
    files[`apps/${name}/objects.yaml`] = Array.from({ length: OBJECTS }, (_, i) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}-${i} }\ndata: { index: "${i}", payload: "${'x'.repeat(200)}" }\n`,
    ).join('---\n');
  }
  files['clusters/bench/namespace.yaml'] = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: bench }\n';
  return files;
}

/** Benchmarks print their own table; the engine's per-object logs would drown it. */
const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
} as any;

async function main() {
  const [controlPlane, git] = await Promise.all([startControlPlane(), startGitServer()]);
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-bench-'));
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(workDir, 'bench.sqlite') }, useNullAsDefault: true });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const { url } = await git.createRepository('fleet', fleetFiles());
    await migrate(knex);
    const store = new DatabaseObjectStore(knex);
    const config = readGitOpsConfig(
      new ConfigReader({
        gitops: {
          clusters: [{ name: 'bench', kubeconfig: { path: controlPlane.kubeconfigPath } }],
          fleets: [{ name: 'fleet', url, path: './clusters/bench', cluster: 'bench', interval: '1h' }],
          scheduler: { concurrency: CONCURRENCY },
          workingDirectory: workDir,
        },
      }),
    );
    let counter: CountingTransport | undefined;
    const clusters = new ClusterRegistry(config.clusters, definition => {
      counter = countRequests(createKubeTransport(createKubeConfig(definition.name, definition.connection)));
      return createKubeClient(undefined, { transport: counter });
    });
    const engine = createEngine({ config, store, db: knex, logger: quietLogger, instanceId: 'bench', publishChange: async () => undefined, clusters });

    const converge = async () => {
      let reconciles = 0;
      for (;;) {
        const claimed = await engine.loop.tick();
        reconciles += claimed;
        if (claimed === 0 && engine.loop.activeCount === 0) return reconciles;
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    };

    await engine.registerFleets();
    let started = Date.now();
    const first = await converge();
    const firstSeconds = (Date.now() - started) / 1000;
    const failures = (await store.listObjects({ health: 'Failed' })).length;

    const kustomizations = (await store.listObjects({ kind: 'Kustomization' })).filter(o => o.name.startsWith('app-'));
    const requestedAt = new Date().toISOString();
    for (const object of kustomizations) await store.requestReconcile(object, requestedAt, 'bench');
    counter?.reset();
    started = Date.now();
    const resync = await converge();
    const resyncSeconds = (Date.now() - started) / 1000;
    const requestsPerReconcile = (counter?.total ?? 0) / Math.max(1, resync);

    const rows = [
      ['scenario', 'reconciles', 'seconds', 'reconciles/min'],
      [`first sync (${KUSTOMIZATIONS} x ${OBJECTS} objects)`, String(first), firstSeconds.toFixed(1), (first / firstSeconds * 60).toFixed(0)],
      ['no-change resync', String(resync), resyncSeconds.toFixed(1), (resync / resyncSeconds * 60).toFixed(0)],
    ];
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(i === 0 ? 36 : 14)).join(''));
    console.log(`API requests per no-change reconcile: ${requestsPerReconcile.toFixed(1)} (${JSON.stringify(counter?.byMethod)})`);
    console.log(`failed objects: ${failures}; peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB; concurrency ${CONCURRENCY}`);
  } finally {
    clearInterval(sampler);
    await knex.destroy();
    await Promise.all([controlPlane.stop(), git.stop()]);
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
