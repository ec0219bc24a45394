import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readGitOpsConfig } from './config';

const read = (gitops: JsonObject | undefined) =>
  readGitOpsConfig(new ConfigReader(gitops ? { gitops } : {}));

describe('readGitOpsConfig', () => {
  it('has defaults when gitops is not configured', () => {
    const config = read(undefined);
    expect(config).toMatchObject({
      defaultCluster: 'default',
      clusters: [],
      fleets: [],
      concurrency: 4,
      pollSeconds: 2,
      historyRetentionMs: 720 * 3600_000,
      gitImplementation: 'auto',
    });
  });

  it('reads the three kinds of cluster connection and defaults to the first cluster', () => {
    const config = read({
      clusters: [
        { name: 'staging', kubeconfig: { path: '/k', context: 'ctx' } },
        { name: 'production', url: 'https://10.0.0.1:6443', caFile: '/ca.crt', token: 't0ken' },
        { name: 'here', inCluster: true },
      ],
    });
    expect(config.defaultCluster).toBe('staging');
    expect(config.clusters.map(c => c.connection)).toEqual([
      { kind: 'kubeconfig', path: '/k', context: 'ctx' },
      { kind: 'url', url: 'https://10.0.0.1:6443', caFile: '/ca.crt', token: 't0ken', caData: undefined, skipTLSVerify: undefined },
      { kind: 'inCluster' },
    ]);
  });

  it('reads fleets and history retention in both forms', () => {
    const config = read({
      clusters: [{ name: 'staging', inCluster: true }],
      fleets: [{ name: 'fleet', url: 'https://git/x.git', ref: { branch: 'main' }, path: './c', cluster: 'staging' }],
      history: { retention: { days: 2 } },
    });
    expect(config.fleets[0]).toMatchObject({ name: 'fleet', ref: { branch: 'main' }, interval: '5m', cluster: 'staging' });
    expect(config.historyRetentionMs).toBe(2 * 86_400_000);
    expect(read({ history: { retention: '90m' } }).historyRetentionMs).toBe(90 * 60_000);
  });

  it.each([
    [{ clusters: [{ name: 'a', inCluster: true }, { name: 'a', inCluster: true }] }, /'a' is configured twice/],
    [{ clusters: [{ name: 'a' }] }, /set kubeconfig, url or inCluster/],
    [{ fleets: [{ name: 'f', url: 'u', path: '.', cluster: 'nowhere' }] }, /cluster 'nowhere' is not in gitops.clusters/],
    [
      { clusters: [{ name: 'a', inCluster: true }], fleets: [{ name: 'f', url: 'u', path: '.', cluster: 'a', interval: 'soon' }] },
      /gitops.fleets 'f' interval/,
    ],
    [{ git: { implementation: 'svn' } }, /auto, native or isomorphic, not 'svn'/],
    [{ scheduler: { concurrency: 0 } }, /gitops.scheduler.concurrency must be a positive number/],
    [{ history: { retention: 'forever' } }, /gitops.history.retention/],
    [{ history: { retention: { fortnights: 1 } } }, /gitops.history.retention/],
  ])('rejects bad values clearly (%j)', (gitops, message) => {
    expect(() => read(gitops)).toThrow(message);
  });
});
