import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  GITOPS_OBJECTS_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_ID_LABEL,
  ObjectId,
  parseObjectId,
} from '@internal/plugin-gitops-common';

/** Which objects an entity points at: ids from its annotation, and a label value objects may carry. */
export interface EntityLinks {
  ids: ObjectId[];
  label?: { key: string; value: string };
}

export function entityLinks(entity: Entity, defaultCluster: string): EntityLinks {
  const annotations = entity.metadata.annotations ?? {};
  const ids = (annotations[GITOPS_OBJECTS_ANNOTATION] ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean)
    .map(item => {
      const id = parseObjectId(item, defaultCluster);
      if (!id) {
        throw new InputError(
          `annotation ${GITOPS_OBJECTS_ANNOTATION} of the entity has '${item}'; use [cluster/]Kind/namespace/name`,
        );
      }
      return id;
    });
  const kubernetesId = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  return { ids, label: kubernetesId ? { key: KUBERNETES_ID_LABEL, value: kubernetesId } : undefined };
}
