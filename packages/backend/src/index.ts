/*
 * The portal's backend: Backstage's core plugins plus the GitOps plugin, on the new backend system.
 * Configuration comes from app-config.yaml (and app-config.production.yaml in production).
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend (packages/app/dist) when it exists, with the runtime config injected.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in. The guest provider lets anyone in as user:default/guest; replace it with a real provider
// (GitHub, OIDC, ...) and a sign-in resolver before exposing the portal to a network.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));

// Permissions. The allow-all policy permits every request, including the GitOps actions
// (gitops.object.reconcile, gitops.object.suspend, ...). A real policy plugs in here instead: a backend
// module that registers a PermissionPolicy through policyExtensionPoint from
// @backstage/plugin-permission-node, e.g. allowing reconcile only to the owners of the linked entity.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));

// Notifications (failed reconciles reach their owners) and signals (live status in the GitOps tab).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// The GitOps platform: sources, Kustomizations, HelmReleases and the REST API under /api/gitops.
backend.add(import('@internal/plugin-gitops-backend'));

backend.start();
