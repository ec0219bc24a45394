import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of the permissions that apply to one object of the platform. */
export const GITOPS_OBJECT_RESOURCE_TYPE = 'gitops-object';

export const gitopsObjectReadPermission = createPermission({
  name: 'gitops.object.read',
  attributes: { action: 'read' },
  resourceType: GITOPS_OBJECT_RESOURCE_TYPE,
});

export const gitopsObjectReconcilePermission = createPermission({
  name: 'gitops.object.reconcile',
  attributes: { action: 'update' },
  resourceType: GITOPS_OBJECT_RESOURCE_TYPE,
});

export const gitopsObjectSuspendPermission = createPermission({
  name: 'gitops.object.suspend',
  attributes: { action: 'update' },
  resourceType: GITOPS_OBJECT_RESOURCE_TYPE,
});

export const gitopsObjectRollbackPermission = createPermission({
  name: 'gitops.object.rollback',
  attributes: { action: 'update' },
  resourceType: GITOPS_OBJECT_RESOURCE_TYPE,
});

export const gitopsPermissions = [
  gitopsObjectReadPermission,
  gitopsObjectReconcilePermission,
  gitopsObjectSuspendPermission,
  gitopsObjectRollbackPermission,
];
