import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK } from '@backstage/core-components';
import { ObjectEvent } from '@internal/plugin-gitops-common';
import { RelativeTime } from '../RelativeTime';
import { shortenDigests } from '../../lib/revision';

/** Events as Flux records them (`kubectl events` style): severity, reason, message. */
export function EventList(props: { events: ObjectEvent[]; total: number }) {
  if (props.events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events recorded.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {props.events.map(event => (
        <ListItem key={event.id} disableGutters alignItems="flex-start">
          <ListItemIcon style={{ minWidth: 28, marginTop: 6 }}>
            {event.severity === 'error' ? <StatusError /> : <StatusOK />}
          </ListItemIcon>
          <ListItemText
            primary={
              <>
                {event.reason} <RelativeTime timestamp={event.createdAt} />
              </>
            }
            secondaryTypographyProps={{ title: event.message, style: { overflowWrap: 'anywhere' } }}
            secondary={shortenDigests(event.message)}
          />
        </ListItem>
      ))}
      {props.total > props.events.length && (
        <Typography variant="caption" color="textSecondary">
          {props.total - props.events.length} older events not shown
        </Typography>
      )}
    </List>
  );
}
