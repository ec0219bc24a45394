import { ComponentType } from 'react';
import { Theme, makeStyles } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import SyncIcon from '@material-ui/icons/Sync';
import PauseCircleFilledIcon from '@material-ui/icons/PauseCircleFilled';
import WarningIcon from '@material-ui/icons/Warning';
import HelpIcon from '@material-ui/icons/Help';
import { ObjectHealth } from '@internal/plugin-gitops-common';

type StatusColor = keyof Theme['palette']['status'];

const LOOK: Record<ObjectHealth, { icon: ComponentType<{ className?: string }>; color: StatusColor }> = {
  Ready: { icon: CheckCircleIcon, color: 'ok' },
  Failed: { icon: ErrorIcon, color: 'error' },
  Stalled: { icon: WarningIcon, color: 'warning' },
  Reconciling: { icon: SyncIcon, color: 'running' },
  Suspended: { icon: PauseCircleFilledIcon, color: 'aborted' },
  Unknown: { icon: HelpIcon, color: 'pending' },
};

const useStyles = makeStyles(theme => ({
  chip: (props: { color: StatusColor }) => ({
    color: theme.palette.status[props.color],
    borderColor: theme.palette.status[props.color],
    fontWeight: theme.typography.fontWeightMedium as number,
    margin: 0,
  }),
  icon: (props: { color: StatusColor }) => ({
    color: `${theme.palette.status[props.color]} !important`,
  }),
}));

/** The health of an object as an icon and a word, so it reads without colour too. */
export function StatusChip(props: { health: ObjectHealth; size?: 'small' | 'medium' }) {
  const look = LOOK[props.health] ?? LOOK.Unknown;
  const classes = useStyles({ color: look.color });
  const Icon = look.icon;
  return (
    <Chip
      variant="outlined"
      size={props.size ?? 'small'}
      className={classes.chip}
      icon={<Icon className={classes.icon} />}
      label={props.health}
      data-testid="gitops-status"
    />
  );
}
