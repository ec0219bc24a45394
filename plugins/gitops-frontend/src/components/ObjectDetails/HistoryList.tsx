import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK, StatusPending } from '@backstage/core-components';
import { HistoryEntry } from '@internal/plugin-gitops-common';
import { RelativeTime } from '../RelativeTime';
import { Revision } from '../Revision';
import { shortenDigests } from '../../lib/revision';

const RESULT_ICON = {
  success: <StatusOK />,
  failure: <StatusError />,
  skipped: <StatusPending />,
};

function changeSummary(entry: HistoryEntry): string | undefined {
  const changes = entry.changeSet;
  if (!changes) return undefined;
  const parts = (['created', 'configured', 'deleted'] as const)
    .filter(key => changes[key] > 0)
    .map(key => `${changes[key]} ${key}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** Reconcile attempts, newest first: result, revision, what changed and who asked. */
export function HistoryList(props: { entries: HistoryEntry[]; total: number }) {
  if (props.entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No reconcile has run yet.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {props.entries.map(entry => (
        <ListItem key={entry.id} disableGutters alignItems="flex-start">
          <ListItemIcon style={{ minWidth: 28, marginTop: 6 }}>{RESULT_ICON[entry.result] ?? <StatusPending />}</ListItemIcon>
          <ListItemText
            primary={
              <>
                {entry.reason} <Revision revision={entry.revision} /> <RelativeTime timestamp={entry.startedAt} />
              </>
            }
            secondaryTypographyProps={{ title: entry.message, style: { overflowWrap: 'anywhere' } }}
            secondary={[
              shortenDigests(entry.message),
              changeSummary(entry),
              `${entry.trigger}${entry.triggeredBy ? ` by ${entry.triggeredBy}` : ''}, ${(entry.durationMs / 1000).toFixed(1)} s`,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </ListItem>
      ))}
      {props.total > props.entries.length && (
        <Typography variant="caption" color="textSecondary">
          {props.total - props.entries.length} older attempts not shown
        </Typography>
      )}
    </List>
  );
}
