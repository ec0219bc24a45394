import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { CATALOG_FILTER_EXISTS, catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  GITOPS_OBJECTS_ANNOTATION,
  GitOpsObject,
  KUBERNETES_ID_ANNOTATION,
  entityLinksObject,
  formatObjectId,
} from '@internal/plugin-gitops-common';

const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations'];

/** Catalog entities that link each object, by object id; entity lookup failures leave the map empty. */
export function useLinkingEntities(objects: GitOpsObject[] | undefined): Map<string, Entity[]> {
  const catalogApi = useApi(catalogApiRef);
  const { value: entities } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: [
        { [`metadata.annotations.${GITOPS_OBJECTS_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
        { [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
      ],
      fields: FIELDS,
    });
    return response.items;
  }, [catalogApi]);
  return useMemo(() => {
    const links = new Map<string, Entity[]>();
    for (const object of objects ?? []) {
      const linking = (entities ?? []).filter(entity => entityLinksObject(entity, object));
      if (linking.length) links.set(formatObjectId(object), linking);
    }
    return links;
  }, [objects, entities]);
}
