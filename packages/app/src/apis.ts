import { ScmAuth, ScmIntegrationsApi, scmIntegrationsApiRef } from '@backstage/integration-react';
import { AnyApiFactory, configApiRef, createApiFactory } from '@backstage/core-plugin-api';

/**
 * App-wide APIs beyond app-defaults. The plugins bring their own: the GitOps client comes with gitopsPlugin,
 * the signals client (live updates over a WebSocket) with signalsPlugin, rendered as <SignalsDisplay />.
 */
export const apis: AnyApiFactory[] = [
  createApiFactory({
    api: scmIntegrationsApiRef,
    deps: { configApi: configApiRef },
    factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
  }),
  ScmAuth.createDefaultApiFactory(),
];
