import { ComponentType } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Theme, makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import PauseCircleFilledIcon from '@material-ui/icons/PauseCircleFilled';
import HelpIcon from '@material-ui/icons/Help';
import { CountBucket } from './fleetFilters';

type StatusColor = keyof Theme['palette']['status'];

const TILES: Array<{ bucket: CountBucket; label: string; icon: ComponentType<{ className?: string }>; color: StatusColor }> = [
  { bucket: 'ready', label: 'Ready', icon: CheckCircleIcon, color: 'ok' },
  { bucket: 'failing', label: 'Failing', icon: ErrorIcon, color: 'error' },
  { bucket: 'suspended', label: 'Suspended', icon: PauseCircleFilledIcon, color: 'aborted' },
  { bucket: 'other', label: 'Other', icon: HelpIcon, color: 'pending' },
];

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(1.5, 2), display: 'flex', alignItems: 'center', gap: theme.spacing(1.5), minWidth: 160 },
}));

/** How many objects are in each state: icon, number and word, so it reads without colour. */
export function FleetCounts(props: { counts: Record<CountBucket, number> }) {
  const classes = useStyles();
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
      {TILES.map(({ bucket, label, icon: Icon, color }) => (
        <Paper key={bucket} className={classes.tile} data-testid={`gitops-count-${bucket}`}>
          <StatusIcon icon={Icon} color={color} />
          <Box>
            <Typography variant="h4" component="p">
              {props.counts[bucket]}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {label}
            </Typography>
          </Box>
        </Paper>
      ))}
    </Box>
  );
}

const useIconStyles = makeStyles(theme => ({
  icon: (props: { color: StatusColor }) => ({ color: theme.palette.status[props.color], fontSize: 32 }),
}));

function StatusIcon(props: { icon: ComponentType<{ className?: string }>; color: StatusColor }) {
  const classes = useIconStyles({ color: props.color });
  const Icon = props.icon;
  return <Icon className={classes.icon} />;
}
