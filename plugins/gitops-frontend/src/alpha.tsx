import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  OverridableFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isGitOpsAvailable } from '@internal/plugin-gitops-common';
import { GitOpsClient, gitOpsApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';

const gitOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: gitOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new GitOpsClient({ discoveryApi, fetchApi }),
    }),
});

/** The GitOps tab, on every component (its empty state explains how to link objects) and any annotated entity. */
const entityGitOpsContent = EntityContentBlueprint.make({
  params: {
    path: 'gitops',
    title: 'GitOps',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: entity => entity.kind.toLowerCase() === 'component' || isGitOpsAvailable(entity),
    loader: () => import('./components/EntityGitOpsContent').then(m => <m.EntityGitOpsContent />),
  },
});

/** The overview card, on entities that declare GitOps objects. */
const entityGitOpsCard = EntityCardBlueprint.make({
  params: {
    filter: isGitOpsAvailable,
    loader: () => import('./components/EntityGitOpsCard').then(m => <m.EntityGitOpsCard />),
  },
});

/** The fleet page at `/gitops`. */
const gitOpsPage = PageBlueprint.make({
  params: {
    path: '/gitops',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () => import('./components/GitOpsFleetPage').then(m => <m.GitOpsFleetPage />),
  },
});

/** The GitOps plugin for apps on the new frontend system. */
const gitopsPlugin: OverridableFrontendPlugin = createFrontendPlugin({
  pluginId: 'gitops',
  extensions: [gitOpsApi, gitOpsPage, entityGitOpsContent, entityGitOpsCard],
  routes: { root: convertLegacyRouteRef(rootRouteRef), entityContent: convertLegacyRouteRef(entityContentRouteRef) },
});

export default gitopsPlugin;
