import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { GitOpsObject, ObjectHealth, formatObjectId, isGitOpsAvailable } from '@internal/plugin-gitops-common';
import { useEntityObjects } from '../../hooks/useEntityObjects';
import { GitOpsErrorPanel } from '../GitOpsErrorPanel';
import { RelativeTime } from '../RelativeTime';
import { Revision } from '../Revision';
import { StatusChip } from '../StatusChip';

const MAX_ROWS = 5;
const WORST_FIRST: ObjectHealth[] = ['Failed', 'Stalled', 'Reconciling', 'Unknown', 'Suspended', 'Ready'];

function headline(objects: GitOpsObject[]): string {
  const ready = objects.filter(object => object.health === 'Ready').length;
  return `${ready} of ${objects.length} object${objects.length === 1 ? '' : 's'} ready`;
}

function CardBody({ objects }: { objects: GitOpsObject[] }) {
  const sorted = [...objects].sort((a, b) => WORST_FIRST.indexOf(a.health) - WORST_FIRST.indexOf(b.health));
  return (
    <>
      <Typography variant="subtitle1">{headline(objects)}</Typography>
      <List dense disablePadding>
        {sorted.slice(0, MAX_ROWS).map(object => (
          <ListItem key={formatObjectId(object)} disableGutters>
            <ListItemText
              primary={`${object.kind} ${object.namespace}/${object.name}`}
              secondary={
                <>
                  {object.cluster} · <Revision revision={object.status.lastAppliedRevision ?? object.status.artifact?.revision} /> ·{' '}
                  <RelativeTime timestamp={object.lastReconciledAt ?? object.status.lastHandledReconcileAt} />
                </>
              }
            />
            <Box ml={1}>
              <StatusChip health={object.health} />
            </Box>
          </ListItem>
        ))}
      </List>
      {sorted.length > MAX_ROWS && (
        <Typography variant="caption" color="textSecondary">
          and {sorted.length - MAX_ROWS} more
        </Typography>
      )}
    </>
  );
}

/** A compact GitOps summary for the entity overview: how many objects are ready, worst first. */
export function EntityGitOpsCard(props: { title?: string; detailsPath?: string }) {
  const { entity } = useEntity();
  const { objects, error, loading, refresh } = useEntityObjects(stringifyEntityRef(entity));
  let body: JSX.Element;
  if (!objects && loading) body = <Progress />;
  else if (error && !objects) body = <GitOpsErrorPanel error={error} onRetry={refresh} />;
  else if (!objects?.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {isGitOpsAvailable(entity)
          ? 'No GitOps objects match this entity\u2019s annotations yet.'
          : 'Not linked to any GitOps objects. The GitOps tab explains how to link them.'}
      </Typography>
    );
  } else body = <CardBody objects={objects} />;
  return (
    <InfoCard
      title={props.title ?? 'GitOps'}
      deepLink={{ title: 'View GitOps details', link: props.detailsPath ?? 'gitops' }}
    >
      <Box data-testid="gitops-entity-card">{body}</Box>
    </InfoCard>
  );
}
