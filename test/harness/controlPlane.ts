import { KubeConfig } from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAdminCredentials,
  createServiceAccountKeys,
  type AdminCredentials,
} from './certificates';
import { freePort } from './freePort';
import { writeAdminKubeconfig } from './kubeconfigFile';
import {
  removeOnExit,
  startManagedProcess,
  type ManagedProcess,
} from './managedProcess';

export interface ControlPlane {
  /** https://127.0.0.1:PORT */
  server: string;
  /** Admin kubeconfig (system:masters) written to a temp dir. */
  kubeconfigPath: string;
  kubeConfig: KubeConfig;
  /** Stops the processes and removes the temp dirs. */
  stop(): Promise<void>;
}

const BINARIES = ['etcd', 'kube-apiserver', 'kube-controller-manager'] as const;
const READY_TIMEOUT_MS = 60_000;

/** $GITOPS_CONTROL_PLANE_DIR, else the directory scripts/build-control-plane.sh builds into. */
export function controlPlaneBinaryDir(): string {
  return (
    process.env.GITOPS_CONTROL_PLANE_DIR ??
    join(
      homedir(),
      '.cache',
      'gitops-control-plane',
      'kube-v1.36.3-etcd-v3.6.8',
    )
  );
}

export function controlPlaneAvailable(): boolean {
  const dir = controlPlaneBinaryDir();
  return BINARIES.every(name => existsSync(join(dir, name)));
}

function isCi(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
}

/** `describe` when the control-plane binaries exist; otherwise a loud warning and `describe.skip` (an error under CI). */
export function describeWithControlPlane(): jest.Describe {
  if (controlPlaneAvailable()) return describe;
  const message =
    `Kubernetes control-plane binaries are missing from ${controlPlaneBinaryDir()} ` +
    `(need ${BINARIES.join(
      ', ',
    )}). Build them with \`npm run cluster:build\` or set GITOPS_CONTROL_PLANE_DIR.`;
  if (isCi())
    throw new Error(`${message} CI must not skip control-plane tests.`);
  // eslint-disable-next-line no-console
  console.warn(
    `\n${'!'.repeat(
      100,
    )}\n!!! SKIPPING control-plane tests: ${message}\n${'!'.repeat(100)}\n`,
  );
  return describe.skip;
}

/** Starts etcd + kube-apiserver (+ kube-controller-manager when asked) on free loopback ports, like envtest. */
export async function startControlPlane(
  options: { controllerManager?: boolean } = {},
): Promise<ControlPlane> {
  if (!controlPlaneAvailable()) {
    throw new Error(
      `Kubernetes control-plane binaries are missing from ${controlPlaneBinaryDir()}; run \`npm run cluster:build\``,
    );
  }
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      lastError = error as Error;
      // Free ports are picked before the servers bind them; retry only when another process won that race.
      if (!/address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function startOnce(options: {
  controllerManager?: boolean;
}): Promise<ControlPlane> {
  const bin = controlPlaneBinaryDir();
  const dir = await mkdtemp(join(tmpdir(), 'gitops-kube-'));
  const forgetDir = removeOnExit(dir);
  const processes: ManagedProcess[] = [];
  const stopAll = async () => {
    for (const proc of [...processes].reverse()) await proc.stop();
    await rm(dir, { recursive: true, force: true });
    forgetDir();
  };

  try {
    const certDir = join(dir, 'certs');
    await mkdir(certDir, { recursive: true });
    await mkdir(join(dir, 'etcd'), { recursive: true, mode: 0o700 });
    const credentials = await createAdminCredentials(certDir);
    const serviceAccount = await createServiceAccountKeys(certDir);
    const [etcdClientPort, etcdPeerPort, apiPort] = await distinctFreePorts(3);

    const etcdUrl = `http://127.0.0.1:${etcdClientPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    processes.push(
      startManagedProcess('etcd', join(bin, 'etcd'), [
        `--name=gitops-test`,
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=gitops-test=${peerUrl}`,
        '--unsafe-no-fsync=true',
        '--log-level=warn',
      ]),
    );

    const server = `https://127.0.0.1:${apiPort}`;
    processes.push(
      startManagedProcess('kube-apiserver', join(bin, 'kube-apiserver'), [
        `--etcd-servers=${etcdUrl}`,
        `--cert-dir=${certDir}`,
        `--secure-port=${apiPort}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        '--service-cluster-ip-range=10.0.0.0/24',
        '--allow-privileged=true',
        '--authorization-mode=RBAC',
        // As in envtest: without the controller manager no default ServiceAccount would ever exist.
        '--disable-admission-plugins=ServiceAccount',
        `--client-ca-file=${credentials.caCertPath}`,
        `--service-account-issuer=https://127.0.0.1`,
        `--service-account-key-file=${serviceAccount.publicKeyPath}`,
        `--service-account-signing-key-file=${serviceAccount.privateKeyPath}`,
      ]),
    );
    await waitForReady(server, credentials, processes);

    const kubeconfigPath = join(dir, 'kubeconfig');
    await writeAdminKubeconfig(
      kubeconfigPath,
      server,
      join(certDir, 'apiserver.crt'),
      credentials,
    );

    if (options.controllerManager) {
      const manager = startManagedProcess(
        'kube-controller-manager',
        join(bin, 'kube-controller-manager'),
        [
          `--kubeconfig=${kubeconfigPath}`,
          '--controllers=namespace-controller,garbage-collector-controller',
          '--use-service-account-credentials=false',
          '--leader-elect=false',
          '--bind-address=127.0.0.1',
          '--secure-port=0',
        ],
      );
      processes.push(manager);
      await expectStillRunning(manager, 1_000);
    }

    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigPath);
    return { server, kubeconfigPath, kubeConfig, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function describeFailure(processes: ManagedProcess[]): string {
  return processes
    .map(proc => {
      const lines = proc.outputTail().trim().split('\n').slice(-30).join('\n');
      return `--- ${proc.name} (${
        proc.child.exitCode ?? proc.child.signalCode ?? 'running'
      }) ---\n${lines}`;
    })
    .join('\n');
}

async function waitForReady(
  server: string,
  credentials: AdminCredentials,
  processes: ManagedProcess[],
) {
  const cert = readFileSync(credentials.clientCertPath);
  const key = readFileSync(credentials.clientKeyPath);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastStatus = 'no answer';
  while (Date.now() < deadline) {
    const dead = processes.find(
      proc => proc.child.exitCode !== null || proc.child.signalCode !== null,
    );
    if (dead) {
      throw new Error(
        `${
          dead.name
        } exited while the control plane was starting:\n${describeFailure(
          processes,
        )}`,
      );
    }
    lastStatus = await probe(`${server}/readyz`, cert, key);
    if (lastStatus === '200') return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(
    `kube-apiserver was not ready within ${
      READY_TIMEOUT_MS / 1000
    } s (last /readyz: ${lastStatus}):\n${describeFailure(processes)}`,
  );
}

/** One GET with the admin client certificate; the serving certificate is not trusted yet (the apiserver writes it). */
function probe(url: string, cert: Buffer, key: Buffer): Promise<string> {
  return new Promise(resolve => {
    const req = request(
      url,
      { cert, key, rejectUnauthorized: false, timeout: 2_000 },
      res => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', error => resolve(error.message));
    req.end();
  });
}

async function expectStillRunning(proc: ManagedProcess, ms: number) {
  const outcome = await Promise.race([
    proc.exited.then(code => `exited with ${code}`),
    new Promise<undefined>(resolve => setTimeout(resolve, ms)),
  ]);
  if (outcome)
    throw new Error(`${proc.name} ${outcome}:\n${describeFailure([proc])}`);
}
