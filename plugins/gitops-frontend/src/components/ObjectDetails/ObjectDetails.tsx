import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { GitOpsObject } from '@internal/plugin-gitops-common';
import { gitOpsApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { HistoryList } from './HistoryList';
import { EventList } from './EventList';

const RECENT = 5;

/** The last few reconcile attempts and events of one object, loaded when its row is expanded. */
export function ObjectDetails(props: { object: GitOpsObject }) {
  const api = useApi(gitOpsApiRef);
  const { object } = props;
  // Reload when the object reconciled again, not on every poll.
  const marker = `${object.lastReconciledAt ?? ''}|${object.status.lastAttemptedRevision ?? ''}|${object.suspended}`;
  const { value, loading, error } = useAsync(
    () =>
      Promise.all([
        api.getHistory(object, { limit: RECENT }),
        api.getEvents(object, { limit: RECENT }),
      ]),
    [api, object.cluster, object.kind, object.namespace, object.name, marker],
  );

  if (loading && !value) return <Progress />;
  if (error) {
    const { message } = describeError(error);
    return (
      <Box py={1}>
        <Typography color="error" variant="body2">
          Could not load the history: {message}
        </Typography>
      </Box>
    );
  }
  const [history, events] = value ?? [];
  return (
    <Grid container spacing={2} data-testid="gitops-object-details">
      <Grid item xs={12} md={6}>
        <Typography variant="subtitle2">Recent reconciles</Typography>
        <HistoryList entries={history?.items ?? []} total={history?.total ?? 0} />
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="subtitle2">Recent events</Typography>
        <EventList events={events?.items ?? []} total={events?.total ?? 0} />
      </Grid>
    </Grid>
  );
}
