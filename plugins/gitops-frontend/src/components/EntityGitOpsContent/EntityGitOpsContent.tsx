import { useCallback } from 'react';
import Box from '@material-ui/core/Box';
import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { GitOpsObject, isGitOpsAvailable } from '@internal/plugin-gitops-common';
import { ObjectAction } from '../../api';
import { useEntityObjects } from '../../hooks/useEntityObjects';
import { useObjectAction } from '../../hooks/useObjectAction';
import { GitOpsErrorPanel } from '../GitOpsErrorPanel';
import { LinkObjectsEmptyState } from '../LinkObjectsEmptyState';
import { ObjectTable } from '../ObjectTable';

/** The GitOps tab of an entity page: the linked objects, their status and the actions on them. */
export function EntityGitOpsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { objects, error, loading, refresh, replaceObject } = useEntityObjects(entityRef);
  const { run, pending } = useObjectAction(replaceObject);
  const onAction = useCallback((action: ObjectAction, object: GitOpsObject) => run(action, object), [run]);

  let body: JSX.Element;
  if (!objects && loading) {
    body = <Progress />;
  } else if (error && !objects) {
    body = <GitOpsErrorPanel error={error} onRetry={refresh} />;
  } else if (!objects?.length) {
    body = <LinkObjectsEmptyState entityName={entity.metadata.name} annotated={isGitOpsAvailable(entity)} />;
  } else {
    body = (
      <>
        {error && (
          <Box mb={2}>
            <GitOpsErrorPanel error={error} title="Could not refresh; showing the last known status" onRetry={refresh} />
          </Box>
        )}
        <ObjectTable objects={objects} pending={pending} onAction={onAction} loading={loading} />
      </>
    );
  }
  return <Box data-testid="gitops-entity-content">{body}</Box>;
}
