import { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { formatObjectId, ObjectId } from '@internal/plugin-gitops-common';
import { AuthorizeResult, ResourcePermission } from '@backstage/plugin-permission-common';

/**
 * Asks the permission framework whether `credentials` may do `permission` on the object (or on objects in
 * general when `id` is absent). Anything but ALLOW is a 403: conditional decisions would need rules this plugin
 * does not define yet, and refusing is the safe reading of them.
 */
export async function authorizeOrThrow(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'gitops-object'>,
  id?: ObjectId,
): Promise<void> {
  const [decision] = id
    ? await permissions.authorize([{ permission, resourceRef: formatObjectId(id) }], { credentials })
    : await permissions.authorizeConditional([{ permission }], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`not allowed to ${permission.name.replace('gitops.object.', '')} ${id ? formatObjectId(id) : 'gitops objects'}`);
  }
}
