import { configure, screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { gitOpsApiRef } from '../../api';
import { fakeGitOpsApi, kustomization, podinfoEntity, unlinkedEntity } from '../../testUtils/fixtures';
import { EntityGitOpsCard } from './EntityGitOpsCard';

configure({ asyncUtilTimeout: 5000 });

describe('EntityGitOpsCard', () => {
  it('summarises readiness, worst object first', async () => {
    const api = fakeGitOpsApi([
      kustomization(),
      kustomization({ name: 'infra', health: 'Failed' }),
      kustomization({ name: 'monitoring' }),
    ]);
    await renderInTestApp(
      <TestApiProvider apis={[[gitOpsApiRef, api]]}>
        <EntityProvider entity={podinfoEntity}>
          <EntityGitOpsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('2 of 3 objects ready')).toBeInTheDocument();
    const names = screen.getAllByText(/^Kustomization flux-system\//).map(element => element.textContent);
    expect(names[0]).toBe('Kustomization flux-system/infra');
    expect(screen.getByText('View GitOps details')).toBeInTheDocument();
  });

  it('points to the tab when nothing is linked', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[gitOpsApiRef, fakeGitOpsApi([])]]}>
        <EntityProvider entity={unlinkedEntity}>
          <EntityGitOpsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText(/The GitOps tab explains how to link them/)).toBeInTheDocument();
  });
});
