import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import SyncIcon from '@material-ui/icons/Sync';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GitOpsObject,
  formatObjectId,
  gitopsObjectReconcilePermission,
  gitopsObjectSuspendPermission,
} from '@internal/plugin-gitops-common';
import { ObjectAction } from '../../api';

export interface ObjectActionsProps {
  object: GitOpsObject;
  /** The action in flight for this object, if any. */
  pending?: ObjectAction;
  onAction: (action: ObjectAction, object: GitOpsObject) => void;
}

/**
 * Sync now, and Suspend or Resume, each shown only when the permission framework allows it for this object
 * (the resource ref is `cluster/Kind/namespace/name`).
 */
export function ObjectActions(props: ObjectActionsProps) {
  const { object, pending, onAction } = props;
  const resourceRef = formatObjectId(object);
  const canReconcile = usePermission({ permission: gitopsObjectReconcilePermission, resourceRef }).allowed;
  const canSuspend = usePermission({ permission: gitopsObjectSuspendPermission, resourceRef }).allowed;
  if (!canReconcile && !canSuspend) return null;

  const button = (action: ObjectAction, label: string, icon: JSX.Element, disabled = false) => (
    <Button
      size="small"
      variant="outlined"
      color={action === 'reconcile' ? 'primary' : 'default'}
      disabled={Boolean(pending) || disabled}
      startIcon={pending === action ? <CircularProgress size={14} /> : icon}
      onClick={() => onAction(action, object)}
      aria-label={`${label} ${object.kind} ${object.namespace}/${object.name}`}
    >
      {label}
    </Button>
  );

  return (
    <Box display="flex" flexWrap="nowrap" style={{ gap: 8 }}>
      {/* A suspended object ignores reconcile requests, as Flux does: resume it first. */}
      {canReconcile && button('reconcile', 'Sync now', <SyncIcon />, object.suspended)}
      {canSuspend &&
        (object.suspended
          ? button('resume', 'Resume', <PlayArrowIcon />)
          : button('suspend', 'Suspend', <PauseIcon />))}
    </Box>
  );
}
