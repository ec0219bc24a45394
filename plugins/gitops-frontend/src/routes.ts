import { createRouteRef } from '@backstage/core-plugin-api';

/** The GitOps tab of an entity page. */
export const entityContentRouteRef = createRouteRef({ id: 'gitops:entity-content' });
