import { useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import { makeStyles } from '@material-ui/core/styles';
import { ConditionTypes, GitOpsObject, findCondition, formatObjectId } from '@internal/plugin-gitops-common';
import { ObjectAction } from '../../api';
import { StatusChip } from '../StatusChip';
import { RelativeTime } from '../RelativeTime';
import { Revision } from '../Revision';
import { ObjectActions } from '../ObjectActions';
import { ObjectDetails } from '../ObjectDetails';
import { shortenDigests } from '../../lib/revision';

export interface ObjectTableProps {
  objects: GitOpsObject[];
  pending: Record<string, ObjectAction>;
  onAction: (action: ObjectAction, object: GitOpsObject) => void;
  loading?: boolean;
}

/** The message of the Ready condition is what `flux get` prints: the best one-line explanation there is. */
function statusMessage(object: GitOpsObject): string | undefined {
  const ready = findCondition(object.status.conditions, ConditionTypes.Ready);
  return ready?.message || object.status.conditions?.find(condition => condition.message)?.message;
}

function appliedRevision(object: GitOpsObject): string | undefined {
  return object.status.lastAppliedRevision ?? object.status.artifact?.revision;
}

function ObjectName({ object }: { object: GitOpsObject }) {
  return (
    <Box>
      <Typography variant="caption" color="textSecondary" display="block">
        {object.kind}
      </Typography>
      <Typography variant="body2" style={{ fontWeight: 600 }}>
        {object.name}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {object.namespace}
      </Typography>
    </Box>
  );
}

export function StatusCell({ object }: { object: GitOpsObject }) {
  const message = statusMessage(object);
  return (
    <Box maxWidth={380}>
      <StatusChip health={object.health} />
      {message && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          style={{ marginTop: 4, overflowWrap: 'anywhere' }}
          title={message}
        >
          {shortenDigests(message)}
        </Typography>
      )}
    </Box>
  );
}

export function RevisionCell({ object }: { object: GitOpsObject }) {
  const applied = appliedRevision(object);
  const attempted = object.status.lastAttemptedRevision;
  return (
    <Box>
      <Revision revision={applied} label="Last applied" />
      {attempted && attempted !== applied && (
        <Typography variant="caption" color="error" display="block">
          attempted <Revision revision={attempted} label="Last attempted" />
        </Typography>
      )}
    </Box>
  );
}

const COLUMNS = ['', 'Object', 'Cluster', 'Status', 'Revision', 'Last reconcile', 'Actions'];

const useStyles = makeStyles({
  // Short values stay on one line; the status message is the column that wraps.
  compact: { whiteSpace: 'nowrap', verticalAlign: 'top', paddingTop: 12 },
  status: { minWidth: 240, verticalAlign: 'top', paddingTop: 12 },
  head: { whiteSpace: 'nowrap' },
});

function ObjectRow(props: ObjectTableProps & { object: GitOpsObject; expanded: boolean; onToggle: () => void }) {
  const { object, expanded, onToggle, pending, onAction } = props;
  const classes = useStyles();
  const id = formatObjectId(object);
  return (
    <>
      <TableRow hover data-testid={`gitops-object-${id}`}>
        <TableCell padding="checkbox" style={{ verticalAlign: 'top', paddingTop: 8 }}>
          <IconButton
            size="small"
            onClick={onToggle}
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} history of ${object.kind} ${object.namespace}/${object.name}`}
          >
            {expanded ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell className={classes.compact}>
          <ObjectName object={object} />
        </TableCell>
        <TableCell className={classes.compact}>{object.cluster}</TableCell>
        <TableCell className={classes.status}>
          <StatusCell object={object} />
        </TableCell>
        <TableCell className={classes.compact}>
          <RevisionCell object={object} />
        </TableCell>
        <TableCell className={classes.compact}>
          <RelativeTime timestamp={object.lastReconciledAt ?? object.status.lastHandledReconcileAt} />
        </TableCell>
        <TableCell className={classes.compact}>
          <ObjectActions object={object} pending={pending[id]} onAction={onAction} />
        </TableCell>
      </TableRow>
      {expanded && (
        <TableRow>
          <TableCell colSpan={COLUMNS.length} style={{ paddingTop: 0 }}>
            <ObjectDetails object={object} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/** One row per object linked to the entity; expand a row for its recent reconciles and events. */
export function ObjectTable(props: ObjectTableProps) {
  const classes = useStyles();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded(current => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <TableContainer component={Paper}>
      {/* Kept in the layout while hidden, so refreshes do not make the table jump. */}
      <LinearProgress
        aria-label="Refreshing"
        aria-hidden={!props.loading}
        style={{ visibility: props.loading ? 'visible' : 'hidden' }}
      />
      <Box px={2} pt={2}>
        <Typography variant="h5">GitOps objects</Typography>
        <Typography variant="body2" color="textSecondary">
          The Flux objects that deliver this entity, and how their last reconcile went.
        </Typography>
      </Box>
      <Table size="small" aria-label="GitOps objects">
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column} className={classes.head}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.objects.map(object => {
            const id = formatObjectId(object);
            return (
              <ObjectRow
                key={id}
                {...props}
                object={object}
                expanded={expanded.has(id)}
                onToggle={() => toggle(id)}
              />
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
