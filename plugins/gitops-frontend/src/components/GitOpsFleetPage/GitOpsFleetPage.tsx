import { useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { Content, EmptyState, Header, Page, Progress } from '@backstage/core-components';
import { GitOpsObject } from '@internal/plugin-gitops-common';
import { ObjectAction } from '../../api';
import { useEntityObjects } from '../../hooks/useEntityObjects';
import { useObjectAction } from '../../hooks/useObjectAction';
import { GitOpsErrorPanel } from '../GitOpsErrorPanel';
import { FleetCounts } from './FleetCounts';
import { FleetFilters } from './FleetFilters';
import { FleetTable } from './FleetTable';
import { ALL, FleetFilter, applyFilter, countBuckets, distinct, groupByCluster } from './fleetFilters';
import { useLinkingEntities } from './useLinkingEntities';

function FleetBody() {
  const { objects, error, loading, refresh, replaceObject } = useEntityObjects();
  const { run, pending } = useObjectAction(replaceObject);
  const onAction = useCallback((action: ObjectAction, object: GitOpsObject) => run(action, object), [run]);
  const entities = useLinkingEntities(objects);
  const [filter, setFilter] = useState<FleetFilter>({ health: ALL, kind: ALL, cluster: ALL });
  const shown = useMemo(() => applyFilter(objects ?? [], filter), [objects, filter]);

  if (!objects && loading) return <Progress />;
  if (error && !objects) return <GitOpsErrorPanel error={error} onRetry={refresh} />;
  if (!objects?.length) {
    return (
      <EmptyState
        missing="data"
        title="No GitOps objects yet"
        description="Add GitRepository, Kustomization or HelmRelease objects to the backend's configuration or a watched cluster, and they appear here."
      />
    );
  }
  return (
    <>
      {error && (
        <Box mb={2}>
          <GitOpsErrorPanel error={error} title="Could not refresh; showing the last known status" onRetry={refresh} />
        </Box>
      )}
      <FleetCounts counts={countBuckets(objects)} />
      <FleetFilters
        filter={filter}
        kinds={distinct(objects, o => o.kind)}
        clusters={distinct(objects, o => o.cluster)}
        onChange={setFilter}
      />
      <LinearProgress aria-label="Refreshing" aria-hidden={!loading} style={{ visibility: loading ? 'visible' : 'hidden' }} />
      {shown.length === 0 ? (
        <Typography variant="body1" color="textSecondary" data-testid="gitops-fleet-no-match">
          No objects match these filters.
        </Typography>
      ) : (
        groupByCluster(shown).map(([cluster, items]) => (
          <FleetTable
            key={cluster}
            cluster={cluster}
            objects={items}
            entities={entities}
            pending={pending}
            onAction={onAction}
          />
        ))
      )}
    </>
  );
}

/** The whole fleet: every object on every cluster, its status and the actions on it. */
export function GitOpsFleetPage() {
  return (
    <Page themeId="tool">
      <Header title="GitOps" subtitle="Every GitRepository, Kustomization and HelmRelease, by cluster" />
      <Content>
        <Box data-testid="gitops-fleet-page">
          <FleetBody />
        </Box>
      </Content>
    </Page>
  );
}
