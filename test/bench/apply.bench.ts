/**
 * Apply throughput against a real kube-apiserver: 50 sets of 20 objects (ConfigMaps, Services, Deployments),
 * applied set by set as 50 Kustomizations would be, then applied again unchanged. Prints objects per second
 * and the API requests one no-change apply of a set costs.
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs test/bench/apply.bench.ts
 */
import {
  KubeObject,
  ResourceManager,
  countRequests,
  createKubeClient,
  createKubeTransport,
} from '@internal/plugin-gitops-node';
import { startControlPlane } from '../harness';

const SETS = Number(process.env.BENCH_SETS ?? 50);
const CONFIG_MAPS = 8;
const SERVICES = 6;
const DEPLOYMENTS = 6;

function objectSet(namespace: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; i < CONFIG_MAPS; i++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `config-${i}`, namespace, labels: { bench: 'apply' } },
      data: { index: String(i), payload: 'x'.repeat(256) },
    });
  }
  for (let i = 0; i < SERVICES; i++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}`, namespace, labels: { bench: 'apply' } },
      // Headless: 300 Services would exhaust a test apiserver's /24 service IP range.
      spec: { clusterIP: 'None', selector: { app: `app-${i}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    });
  }
  for (let i = 0; i < DEPLOYMENTS; i++) {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace, labels: { bench: 'apply' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: `app-${i}` } },
        template: {
          metadata: { labels: { app: `app-${i}` } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'registry.example/app:1.0.0',
                ports: [{ containerPort: 8080 }],
                env: [{ name: 'INDEX', value: String(i) }],
                resources: { requests: { cpu: '10m', memory: '16Mi' } },
              },
            ],
          },
        },
      },
    });
  }
  return objects;
}

async function main() {
  const controlPlane = await startControlPlane();
  try {
    const transport = countRequests(createKubeTransport(controlPlane.kubeConfig));
    const manager = new ResourceManager({ client: createKubeClient(undefined, { transport }) });
    const prefix = `bench-${Date.now().toString(36)}`;
    const sets = Array.from({ length: SETS }, (_, i) => objectSet(`${prefix}-${i}`));
    const namespaces = sets.map((_, i): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `${prefix}-${i}` } }));
    await manager.applyAllStaged(namespaces, { waitInterval: 100 });
    const total = sets.reduce((sum, set) => sum + set.length, 0);

    const run = async (label: string, expected: string) => {
      transport.reset();
      const started = process.hrtime.bigint();
      for (const set of sets) {
        const changeSet = await manager.applyAllStaged(set);
        const wrong = changeSet.entries.filter(entry => entry.action !== expected);
        if (wrong.length > 0) throw new Error(`${label}: ${wrong[0].subject} was ${wrong[0].action}, expected ${expected}`);
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return {
        run: label,
        objects: total,
        seconds: Number(seconds.toFixed(2)),
        objectsPerSecond: Math.round(total / seconds),
        requests: transport.total,
        requestsPerSetApply: Number((transport.total / SETS).toFixed(1)),
        requestsPerObject: Number((transport.total / total).toFixed(2)),
        byMethod: { ...transport.byMethod },
      };
    };

    const results = [await run('initial apply', 'created'), await run('no-change re-apply', 'unchanged')];
    console.table(results.map(({ byMethod, ...rest }) => ({ ...rest, byMethod: JSON.stringify(byMethod) })));
  } finally {
    await controlPlane.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
