import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import gitopsPlugin from '@internal/plugin-gitops-backend';
import { DatabaseObjectStore } from '@internal/plugin-gitops-backend/src/store/DatabaseObjectStore';
import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import knexFactory from 'knex';
import { repoRoot } from '../harness';

jest.setTimeout(120_000);

const run = promisify(execFile);
const gitops = path.join(repoRoot(), 'packages/cli/bin/gitops');

/** Drives the real `gitops` executable against the real backend plugin over HTTP. */
describe('gitops CLI against the backend', () => {
  let baseUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
    const backend = await startTestBackend({
      features: [
        gitopsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: { gitops: { scheduler: { pollSeconds: 3600 } } } }),
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({ service: signalsServiceRef, deps: {}, factory: () => ({ publish: async () => undefined }) }),
      ],
    });
    const store = new DatabaseObjectStore(knex);
    await store.upsertObject({
      cluster: 'staging',
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'apps',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      spec: { interval: '5m', path: './apps' },
      origin: 'config',
    });
    await store.updateStatus(
      { cluster: 'staging', kind: 'Kustomization', namespace: 'flux-system', name: 'apps' },
      {
        lastAppliedRevision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
        conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded', message: 'Applied revision: main@sha1:0123', lastTransitionTime: new Date().toISOString() }],
      },
    );
    baseUrl = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}/api/gitops`;
    stop = async () => {
      await backend.stop();
      await knex.destroy();
    };
  });

  afterAll(() => stop?.());

  const cli = (...args: string[]) => run(gitops, [...args, '--url', baseUrl], { cwd: repoRoot() });

  it('lists and shows objects', async () => {
    const list = await cli('get', 'ks');
    expect(list.stdout).toMatch(/CLUSTER\s+KIND\s+NAMESPACE\s+NAME/);
    expect(list.stdout).toMatch(/staging\s+Kustomization\s+flux-system\s+apps\s+main@sha1:0123456789ab/);
    const one = await cli('get', 'ks', 'apps', '-n', 'flux-system');
    expect(one.stdout).toContain('Ready=True ReconciliationSucceeded');
  });

  it('suspends, resumes and requests a reconcile', async () => {
    expect((await cli('suspend', 'ks', 'apps')).stdout).toContain('suspend Kustomization staging/flux-system/apps: recorded (now Suspended)');
    expect((await cli('get', 'ks', '--status', 'Suspended')).stdout).toContain('apps');
    expect((await cli('resume', 'ks', 'apps')).stdout).toContain('resume Kustomization staging/flux-system/apps: recorded');
    expect((await cli('reconcile', 'ks', 'apps')).stdout).toMatch(/reconcile Kustomization .* recorded at \d{4}-/);
  });

  it('reports unknown objects and API errors clearly', async () => {
    await expect(cli('reconcile', 'ks', 'missing')).rejects.toMatchObject({
      stderr: expect.stringContaining("Kustomization 'flux-system/missing' not found"),
    });
    await expect(cli('get', 'ks', '--status', 'Sideways')).rejects.toMatchObject({
      stderr: expect.stringMatching(/400 InputError: invalid query: health/),
    });
  });
});
