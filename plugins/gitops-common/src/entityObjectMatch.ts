import { GITOPS_OBJECTS_ANNOTATION, KUBERNETES_ID_ANNOTATION, KUBERNETES_ID_LABEL } from './entityLinks';
import { ObjectId, parseObjectId } from './objects';

interface EntityLike {
  metadata: { annotations?: Record<string, string> };
}

interface ObjectLike extends ObjectId {
  labels?: Record<string, string>;
}

/**
 * The backend's rules for "this entity links this object": an id in the objects annotation, or the
 * kubernetes-id annotation equal to the object's label of that name. Ids without a cluster name the default
 * cluster; when the caller does not know it (the browser), they match the object on any cluster.
 * Malformed ids in the annotation link nothing.
 */
export function entityLinksObject(entity: EntityLike, object: ObjectLike, defaultCluster?: string): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const kubernetesId = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  if (kubernetesId && object.labels?.[KUBERNETES_ID_LABEL] === kubernetesId) return true;
  return (annotations[GITOPS_OBJECTS_ANNOTATION] ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean)
    .some(item => {
      const anyCluster = item.split('/').length === 3 && defaultCluster === undefined;
      const id = parseObjectId(item, defaultCluster ?? object.cluster);
      return (
        id !== undefined &&
        (anyCluster || id.cluster === object.cluster) &&
        id.kind === object.kind &&
        id.namespace === object.namespace &&
        id.name === object.name
      );
    });
}
