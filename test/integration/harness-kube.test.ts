import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import {
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  type V1ConfigMap,
} from '@kubernetes/client-node';
import {
  describeWithControlPlane,
  referenceBinaries,
  startControlPlane,
  type ControlPlane,
} from '../harness';

const execFileAsync = promisify(execFile);

describeWithControlPlane()('harness control plane', () => {
  let controlPlane: ControlPlane;
  let startSeconds = 0;

  beforeAll(async () => {
    const started = Date.now();
    controlPlane = await startControlPlane({ controllerManager: true });
    startSeconds = (Date.now() - started) / 1000;
    // eslint-disable-next-line no-console
    console.log(
      `control plane (etcd, kube-apiserver, kube-controller-manager) ready in ${startSeconds.toFixed(
        1,
      )} s`,
    );
  }, 120_000);

  afterAll(async () => {
    await controlPlane?.stop();
  }, 30_000);

  it('serves on loopback with an admin kubeconfig', () => {
    expect(controlPlane.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(controlPlane.kubeconfigPath)).toBe(true);
    expect(controlPlane.kubeConfig.getCurrentCluster()?.server).toBe(
      controlPlane.server,
    );
    expect(startSeconds).toBeLessThan(60);
  });

  it('server-side applies a ConfigMap and reads it back', async () => {
    const objects = KubernetesObjectApi.makeApiClient(controlPlane.kubeConfig);
    const configMap: V1ConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'harness-check',
        namespace: 'default',
        labels: { app: 'harness' },
      },
      data: { greeting: 'hello' },
    };
    const applied = await objects.patch(
      configMap,
      undefined,
      undefined,
      'gitops-test',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(
      applied.metadata?.managedFields?.some(
        f => f.manager === 'gitops-test' && f.operation === 'Apply',
      ),
    ).toBe(true);

    const core = controlPlane.kubeConfig.makeApiClient(CoreV1Api);
    const read = await core.readNamespacedConfigMap({
      name: 'harness-check',
      namespace: 'default',
    });
    expect(read.data).toEqual({ greeting: 'hello' });
    expect(read.metadata?.labels).toEqual({ app: 'harness' });

    // Re-applying without a field drops it: the field manager owns what it applied.
    await objects.patch(
      { ...configMap, data: { other: 'x' } },
      undefined,
      undefined,
      'gitops-test',
      true,
      PatchStrategy.ServerSideApply,
    );
    const reread = await core.readNamespacedConfigMap({
      name: 'harness-check',
      namespace: 'default',
    });
    expect(reread.data).toEqual({ other: 'x' });
  });

  it('lets the reference kubectl read it with the harness kubeconfig', async () => {
    const { kubectl } = await referenceBinaries();
    const { stdout } = await execFileAsync(
      kubectl,
      [
        '--kubeconfig',
        controlPlane.kubeconfigPath,
        'get',
        'configmap',
        'harness-check',
        '-n',
        'default',
        '-o',
        'jsonpath={.data.other}',
      ],
      { timeout: 30_000 },
    );
    expect(stdout).toBe('x');
  }, 60_000);

  it('finishes namespace deletion (kube-controller-manager runs)', async () => {
    const core = controlPlane.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespace({
      body: { metadata: { name: 'harness-doomed' } },
    });
    await core.createNamespacedConfigMap({
      namespace: 'harness-doomed',
      body: { metadata: { name: 'x' } },
    });
    await core.deleteNamespace({ name: 'harness-doomed' });
    const deadline = Date.now() + 45_000;
    let gone = false;
    while (!gone && Date.now() < deadline) {
      gone = await core.readNamespace({ name: 'harness-doomed' }).then(
        () => false,
        (error: { code?: number }) => error.code === 404,
      );
      if (!gone) await new Promise(resolve => setTimeout(resolve, 500));
    }
    expect(gone).toBe(true);
  }, 60_000);
});

describe('describeWithControlPlane without binaries', () => {
  const saved = {
    dir: process.env.GITOPS_CONTROL_PLANE_DIR,
    ci: process.env.CI,
  };
  afterEach(() => {
    for (const [key, value] of [
      ['GITOPS_CONTROL_PLANE_DIR', saved.dir],
      ['CI', saved.ci],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('skips loudly outside CI and throws under CI', () => {
    process.env.GITOPS_CONTROL_PLANE_DIR = '/nonexistent/control-plane';
    process.env.CI = 'false';
    const warn = jest
      .spyOn(console, 'warn')
      .mockImplementation(() => undefined);
    try {
      expect(describeWithControlPlane()).toBe(describe.skip);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPING'));
    } finally {
      warn.mockRestore();
    }
    process.env.CI = 'true';
    expect(() => describeWithControlPlane()).toThrow(/CI must not skip/);
  });
});
