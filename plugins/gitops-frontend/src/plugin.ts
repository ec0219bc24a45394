import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { GitOpsClient, gitOpsApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

export { isGitOpsAvailable } from '@internal/plugin-gitops-common';

/** The GitOps plugin for apps on the legacy frontend system. */
export const gitopsPlugin = createPlugin({
  id: 'gitops',
  apis: [
    createApiFactory({
      api: gitOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new GitOpsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
});

/** The GitOps tab: `<EntityLayout.Route path="/gitops" title="GitOps"><EntityGitOpsContent /></EntityLayout.Route>`. */
export const EntityGitOpsContent = gitopsPlugin.provide(
  createRoutableExtension({
    name: 'EntityGitOpsContent',
    component: () => import('./components/EntityGitOpsContent').then(m => m.EntityGitOpsContent),
    mountPoint: entityContentRouteRef,
  }),
);

/** The overview card. */
export const EntityGitOpsCard = gitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityGitOpsCard',
    component: {
      lazy: () => import('./components/EntityGitOpsCard').then(m => m.EntityGitOpsCard),
    },
  }),
);

/** The fleet page: `<Route path="/gitops" element={<GitOpsPage />} />`. */
export const GitOpsPage = gitopsPlugin.provide(
  createRoutableExtension({
    name: 'GitOpsPage',
    component: () => import('./components/GitOpsFleetPage').then(m => m.GitOpsFleetPage),
    mountPoint: rootRouteRef,
  }),
);
