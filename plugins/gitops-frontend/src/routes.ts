import { createRouteRef } from '@backstage/core-plugin-api';

/** The GitOps tab of an entity page. */
export const entityContentRouteRef = createRouteRef({ id: 'gitops:entity-content' });

/** The fleet page, `/gitops` in the app. */
export const rootRouteRef = createRouteRef({ id: 'gitops:fleet' });
