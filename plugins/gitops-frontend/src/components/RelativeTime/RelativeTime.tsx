import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatExactTime, formatRelativeTime } from '../../lib/time';

/** "5 minutes ago", with the exact time on hover; a dash when there is no time. */
export function RelativeTime(props: { timestamp?: string }) {
  const relative = props.timestamp ? formatRelativeTime(props.timestamp) : undefined;
  if (!props.timestamp || !relative) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        never
      </Typography>
    );
  }
  return (
    <Tooltip title={formatExactTime(props.timestamp) ?? props.timestamp}>
      <Typography variant="body2" component="time" dateTime={props.timestamp}>
        {relative}
      </Typography>
    </Tooltip>
  );
}
