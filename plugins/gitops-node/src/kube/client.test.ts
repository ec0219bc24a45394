import { KubeConfig } from '@kubernetes/client-node';
import { describeWithControlPlane, startControlPlane } from '@internal/gitops-test';
import { createKubeClient } from './client';
import { KubeApiError } from './errors';
import { countRequests } from './requestCounter';
import { createKubeTransport } from './transport';
import type { KubeClient } from './types';

const describeKube = describeWithControlPlane();

describeKube('KubeClient against a real kube-apiserver', () => {
  let controlPlane: Awaited<ReturnType<typeof startControlPlane>>;
  let client: KubeClient;
  const ns = `client-${Date.now().toString(36)}`;
  const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name });

  beforeAll(async () => {
    controlPlane = await startControlPlane();
    client = createKubeClient(controlPlane.kubeConfig);
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }, 120_000);

  afterAll(async () => {
    await controlPlane?.stop();
  });

  it('applies server-side as the gitops field manager, dry-runs without persisting, gets and deletes', async () => {
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: ns }, data: { k: 'v' } };
    const dryRun = await client.apply(object, { dryRun: true });
    expect(dryRun.metadata.resourceVersion).toBeUndefined();
    expect(await client.get(cm('a'))).toBeUndefined();

    const applied = await client.apply(object);
    expect((applied.metadata.managedFields as Array<{ manager: string; operation: string }>)[0]).toMatchObject({
      manager: 'gitops',
      operation: 'Apply',
    });
    expect((await client.get(cm('a')))?.data).toEqual({ k: 'v' });
    expect(await client.delete(cm('a'))).toBe(true);
    expect(await client.delete(cm('a'))).toBe(false);
  });

  it('lists by label and fills in apiVersion and kind', async () => {
    for (const name of ['l1', 'l2', 'l3']) {
      await client.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { set: name === 'l3' ? 'other' : 'mine' } } });
    }
    const items = await client.list('v1', 'ConfigMap', { namespace: ns, labelSelector: 'set=mine' });
    expect(items.map(item => [item.kind, item.apiVersion, item.metadata.name])).toEqual([
      ['ConfigMap', 'v1', 'l1'],
      ['ConfigMap', 'v1', 'l2'],
    ]);
  });

  it('drops the namespace of cluster-scoped objects and requires one for namespaced kinds', async () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: `${ns}-reader`, namespace: ns }, rules: [] };
    const applied = await client.apply(role);
    expect(applied.metadata.namespace).toBeUndefined();
    await expect(client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'x' })).rejects.toThrow(
      'ConfigMap/x: namespace is required for the namespaced kind ConfigMap',
    );
  });

  it('reports apiserver errors with status, reason and the field at fault', async () => {
    const error = await client
      .apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'UPPER', namespace: ns } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error).toMatchObject({ status: 422, reason: 'Invalid' });
    expect((error as KubeApiError).summary).toMatch(/^metadata.name: Invalid value: "UPPER"/);
    await expect(client.get({ apiVersion: 'v1', kind: 'Nothing', name: 'x' })).rejects.toThrow('no matches for kind "Nothing" in version "v1"');
  });

  it('counts the requests it sends', async () => {
    const transport = countRequests(createKubeTransport(controlPlane.kubeConfig));
    const counted = createKubeClient(undefined, { transport });
    await counted.get(cm('l1'));
    await counted.get(cm('l2'));
    expect(transport.byMethod).toEqual({ GET: 3 }); // one discovery call, two gets
    transport.reset();
    expect(transport.total).toBe(0);
  });

  it('fails fast and without credentials in the message when the apiserver is unreachable', async () => {
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://127.0.0.1:1', skipTLSVerify: true }],
      users: [{ name: 'u', token: 'secret-token-value' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const unreachable = createKubeClient(config, { timeoutMs: 2_000 });
    const error = await unreachable.get(cm('a')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as Error).message).toMatch(/^GET \/api\/v1: request failed: connect ECONNREFUSED/);
    expect((error as Error).message).not.toContain('secret-token-value');
  });
});
