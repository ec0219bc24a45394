import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import { GitOpsObject } from '@internal/plugin-gitops-common';
import { GitOpsApi, gitOpsApiRef } from '../../api';
import { fakeGitOpsApi, kustomization, podinfoEntity } from '../../testUtils/fixtures';
import { GitOpsFleetPage } from './GitOpsFleetPage';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const labelledEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'checkout' } },
  spec: {},
};

async function renderPage(options: { api: GitOpsApi; entities?: Entity[]; authorize?: AuthorizeResult.ALLOW | AuthorizeResult.DENY }) {
  const catalogApi = { getEntities: jest.fn(async () => ({ items: options.entities ?? [] })) };
  const rendered = await renderInTestApp(
      <TestApiProvider
        apis={[
          [gitOpsApiRef, options.api],
          [catalogApiRef, catalogApi],
          [permissionApiRef, mockApis.permission({ authorize: options.authorize ?? AuthorizeResult.ALLOW })],
          [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
        ]}
      >
        <GitOpsFleetPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { catalogApi, rendered };
}

const fleet: GitOpsObject[] = [
  kustomization(),
  kustomization({ name: 'infra', health: 'Failed' }),
  kustomization({ name: 'paused', health: 'Suspended', suspended: true }),
  kustomization({ cluster: 'production', kind: 'HelmRelease', name: 'checkout', labels: { 'backstage.io/kubernetes-id': 'checkout' } }),
  kustomization({ cluster: 'production', kind: 'GitRepository', name: 'flux-system', health: 'Reconciling' }),
];

async function choose(selectTestId: string, option: string) {
  fireEvent.mouseDown(within(screen.getByTestId(selectTestId)).getByRole('button'));
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(option));
}

describe('GitOpsFleetPage', () => {
  it('lists the whole fleet grouped by cluster, with counts and entity links', async () => {
    const api = fakeGitOpsApi(fleet);
    const { catalogApi } = await renderPage({ api, entities: [podinfoEntity, labelledEntity] });

    const staging = await screen.findByTestId('gitops-cluster-staging');
    expect(api.listObjects).toHaveBeenCalledWith({});
    const production = screen.getByTestId('gitops-cluster-production');
    expect(within(staging).getAllByRole('row')).toHaveLength(4);
    expect(within(production).getAllByRole('row')).toHaveLength(3);
    expect(screen.getAllByRole('heading', { level: 2 }).map(h => h.textContent)).toEqual([
      'Cluster production',
      'Cluster staging',
    ]);

    expect(within(screen.getByTestId('gitops-count-ready')).getByText('2')).toBeInTheDocument();
    expect(within(screen.getByTestId('gitops-count-failing')).getByText('1')).toBeInTheDocument();
    expect(within(screen.getByTestId('gitops-count-suspended')).getByText('1')).toBeInTheDocument();
    expect(within(screen.getByTestId('gitops-count-other')).getByText('1')).toBeInTheDocument();

    const apps = screen.getByTestId('gitops-object-staging/Kustomization/flux-system/apps');
    expect(within(apps).getByText('config')).toBeInTheDocument();
    expect(within(apps).getByText('3 minutes ago')).toBeInTheDocument();
    await waitFor(() => expect(within(apps).getByRole('link', { name: /podinfo/ })).toHaveAttribute('href', '/catalog/default/component/podinfo'));
    const checkout = screen.getByTestId('gitops-object-production/HelmRelease/flux-system/checkout');
    expect(within(checkout).getByRole('link', { name: /checkout/ })).toHaveAttribute('href', '/catalog/default/component/checkout');
    const infra = screen.getByTestId('gitops-object-staging/Kustomization/flux-system/infra');
    expect(within(infra).queryByRole('link')).toBeNull();
    expect(catalogApi.getEntities).toHaveBeenCalledTimes(1);
  });

  it('filters by status, kind and cluster', async () => {
    await renderPage({ api: fakeGitOpsApi(fleet) });
    await screen.findByTestId('gitops-cluster-staging');

    await choose('gitops-filter-status', 'Failed');
    await waitFor(() => expect(screen.queryByTestId('gitops-cluster-production')).toBeNull());
    expect(screen.getByTestId('gitops-object-staging/Kustomization/flux-system/infra')).toBeInTheDocument();
    expect(screen.queryByTestId('gitops-object-staging/Kustomization/flux-system/apps')).toBeNull();

    await choose('gitops-filter-status', 'All');
    await choose('gitops-filter-kind', 'HelmRelease');
    await waitFor(() => expect(screen.queryByTestId('gitops-cluster-staging')).toBeNull());
    expect(screen.getByTestId('gitops-object-production/HelmRelease/flux-system/checkout')).toBeInTheDocument();

    await choose('gitops-filter-cluster', 'staging');
    expect(await screen.findByTestId('gitops-fleet-no-match')).toBeInTheDocument();
  });

  it('shows the actions only with permission', async () => {
    await renderPage({ api: fakeGitOpsApi([kustomization({ name: 'allowed' })]) });
    const row = await screen.findByTestId('gitops-object-staging/Kustomization/flux-system/allowed');
    expect(await within(row).findByRole('button', { name: /Sync now/ })).toBeInTheDocument();
  });

  it('hides the actions without permission', async () => {
    await renderPage({ api: fakeGitOpsApi([kustomization({ name: 'denied' })]), authorize: AuthorizeResult.DENY });
    const row = await screen.findByTestId('gitops-object-staging/Kustomization/flux-system/denied');
    await waitFor(() => expect(within(row).queryByRole('button', { name: /Sync now|Suspend/ })).toBeNull());
  });

  it('explains an empty fleet', async () => {
    await renderPage({ api: fakeGitOpsApi([]) });
    expect(await screen.findByText('No GitOps objects yet')).toBeInTheDocument();
  });

  it('shows the backend error with a retry', async () => {
    const api = fakeGitOpsApi([]);
    api.listObjects.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(JSON.stringify({ error: { name: 'Error', message: 'database unavailable' }, response: { statusCode: 503 } }), {
          status: 503,
          headers: { 'content-type': 'application/json' },
        }) as any,
      ),
    );
    await renderPage({ api });
    expect(await screen.findByText(/database unavailable/)).toBeInTheDocument();
  });
});
