import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import { gitopsObjectReconcilePermission } from '@internal/plugin-gitops-common';
import { GitOpsApi, gitOpsApiRef } from '../../api';
import { fakeGitOpsApi, kustomization, podinfoEntity, unlinkedEntity } from '../../testUtils/fixtures';
import { EntityGitOpsContent } from './EntityGitOpsContent';

function renderTab(options: {
  api: GitOpsApi;
  entity?: Entity;
  authorize?: AuthorizeResult.ALLOW | AuthorizeResult.DENY | ((request: any) => AuthorizeResult.ALLOW | AuthorizeResult.DENY);
  alertApi?: { post: jest.Mock; alert$: () => any };
}) {
  const alertApi = options.alertApi ?? { post: jest.fn(), alert$: jest.fn() };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [gitOpsApiRef, options.api],
        [permissionApiRef, mockApis.permission({ authorize: options.authorize ?? AuthorizeResult.ALLOW })],
        [alertApiRef, alertApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? podinfoEntity}>
        <EntityGitOpsContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

// Role queries over MUI tables are slow on small CI machines.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

/**
 * usePermission caches answers per permission and resource ref across renders (stale-while-revalidate), so
 * each permission test uses its own object name to start from a clean answer.
 */
const named = (name: string) => kustomization({ name });

describe('EntityGitOpsContent', () => {
  it('lists the objects linked to the entity with status, revision and last reconcile', async () => {
    const failing = kustomization({
      name: 'infra',
      health: 'Failed',
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'BuildFailed',
            message: 'kustomize build failed: accumulating resources: missing.yaml not found',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
        lastAppliedRevision: 'main@sha1:aaaaaaaa11111111aaaaaaaa11111111aaaaaaaa',
        lastAttemptedRevision: 'main@sha1:bbbbbbbb22222222bbbbbbbb22222222bbbbbbbb',
      },
    });
    const api = fakeGitOpsApi([kustomization(), failing]);
    await renderTab({ api });

    const row = await screen.findByTestId('gitops-object-staging/Kustomization/flux-system/apps');
    expect(api.listObjects).toHaveBeenCalledWith({ entityRef: 'component:default/podinfo' });
    expect(within(row).getByText('apps')).toBeInTheDocument();
    expect(within(row).getByText('Kustomization')).toBeInTheDocument();
    expect(within(row).getByText('staging')).toBeInTheDocument();
    expect(within(row).getByText('Ready')).toBeInTheDocument();
    expect(within(row).getByText('main@sha1:01234567')).toBeInTheDocument();
    expect(within(row).getByText('3 minutes ago')).toBeInTheDocument();

    const failingRow = screen.getByTestId('gitops-object-staging/Kustomization/flux-system/infra');
    expect(within(failingRow).getByText('Failed')).toBeInTheDocument();
    expect(within(failingRow).getByText(/missing.yaml not found/)).toBeInTheDocument();
    expect(within(failingRow).getByText('main@sha1:bbbbbbbb')).toBeInTheDocument();
  });

  it('explains how to link objects when none are linked', async () => {
    await renderTab({ api: fakeGitOpsApi([]), entity: unlinkedEntity });
    expect(await screen.findByText('This entity is not linked to any GitOps objects')).toBeInTheDocument();
    expect(screen.getAllByText(/gitops\.backstage\.io\/objects/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/backstage\.io\/kubernetes-id/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Kustomization\/flux-system\/docs-site/)).toBeInTheDocument();
  });

  it('says when the annotation matches nothing yet', async () => {
    await renderTab({ api: fakeGitOpsApi([]) });
    expect(await screen.findByText('No GitOps objects match this entity yet')).toBeInTheDocument();
  });

  it("shows the backend's message when loading fails, and retries", async () => {
    const api = fakeGitOpsApi([kustomization()]);
    const body = {
      error: { name: 'ServiceUnavailableError', message: 'database is locked, try again' },
      response: { statusCode: 503 },
    };
    const failure = await ResponseError.fromResponse(
      new Response(JSON.stringify(body), {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'content-type': 'application/json' },
      }),
    );
    api.listObjects.mockRejectedValueOnce(failure);
    await renderTab({ api });

    expect(await screen.findByText(/database is locked, try again/)).toBeInTheDocument();
    expect(screen.getByText(/Could not load GitOps objects/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('gitops-object-staging/Kustomization/flux-system/apps')).toBeInTheDocument();
  });

  it('hides the actions the permission framework denies', async () => {
    const authorize = jest.fn((_request: any): AuthorizeResult.DENY => AuthorizeResult.DENY);
    await renderTab({ api: fakeGitOpsApi([named('denied')]), authorize });
    await screen.findByTestId('gitops-object-staging/Kustomization/flux-system/denied');
    // Both questions were asked and answered before looking for the buttons.
    await waitFor(() => expect(authorize).toHaveBeenCalledTimes(2));
    const asked = authorize.mock.calls.map(([request]) => [request.permission.name, request.resourceRef]);
    expect(asked).toEqual(
      expect.arrayContaining([
        ['gitops.object.reconcile', 'staging/Kustomization/flux-system/denied'],
        ['gitops.object.suspend', 'staging/Kustomization/flux-system/denied'],
      ]),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /Sync now/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Suspend/ })).not.toBeInTheDocument();
  });

  it('shows only the allowed action when permissions differ', async () => {
    await renderTab({
      api: fakeGitOpsApi([named('reconcile-only')]),
      authorize: request =>
        request.permission.name === gitopsObjectReconcilePermission.name ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    });
    expect(await screen.findByRole('button', { name: /Sync now/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Suspend/ })).not.toBeInTheDocument();
  });

  it('requests a reconcile and reports the outcome', async () => {
    const api = fakeGitOpsApi([kustomization()]);
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderTab({ api, alertApi });

    await userEvent.click(await screen.findByRole('button', { name: /Sync now Kustomization flux-system\/apps/ }));
    await waitFor(() =>
      expect(api.reconcile).toHaveBeenCalledWith(
        expect.objectContaining({ cluster: 'staging', kind: 'Kustomization', namespace: 'flux-system', name: 'apps' }),
      ),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ severity: 'success', message: 'Reconcile requested for Kustomization flux-system/apps' }),
      ),
    );
  });

  it('suspends, then offers Resume', async () => {
    const api = fakeGitOpsApi([named('to-suspend')]);
    await renderTab({ api });
    await userEvent.click(await screen.findByRole('button', { name: /Suspend/ }));
    expect(await screen.findByRole('button', { name: /Resume/ })).toBeInTheDocument();
    expect(api.suspend).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Suspended')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sync now/ })).toBeDisabled();
  });

  it('reports a failed action with the backend message', async () => {
    const api = fakeGitOpsApi([kustomization()]);
    api.reconcile.mockRejectedValueOnce(new Error('object is suspended'));
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    await renderTab({ api, alertApi });
    await userEvent.click(await screen.findByRole('button', { name: /Sync now/ }));
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'error',
          message: 'Could not reconcile Kustomization flux-system/apps: object is suspended',
        }),
      ),
    );
  });
});
