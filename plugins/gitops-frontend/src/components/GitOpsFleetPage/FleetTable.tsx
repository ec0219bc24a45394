import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GitOpsObject, formatObjectId, parseObjectId } from '@internal/plugin-gitops-common';
import { ObjectAction } from '../../api';
import { ObjectActions } from '../ObjectActions';
import { RelativeTime } from '../RelativeTime';
import { RevisionCell, StatusCell } from '../ObjectTable';

const COLUMNS = ['Object', 'Status', 'Revision', 'Last reconcile', 'Origin', 'Entities', 'Actions'];

const useStyles = makeStyles({
  compact: { whiteSpace: 'nowrap', verticalAlign: 'top', paddingTop: 12 },
  status: { minWidth: 180, verticalAlign: 'top', paddingTop: 12 },
  // Origins of generated objects are long ids; they wrap rather than push the actions off screen.
  origin: { minWidth: 140, verticalAlign: 'top', paddingTop: 12 },
});

/** "config", or the object that generated this one: its id is long, so kind above namespace/name. */
function Origin({ origin }: { origin: string }) {
  const parent = origin.split('/').length === 4 ? parseObjectId(origin, '') : undefined;
  if (!parent) return <Typography variant="body2">{origin}</Typography>;
  return (
    <Box title={origin}>
      <Typography variant="caption" color="textSecondary" display="block">
        {parent.kind}
      </Typography>
      <Typography variant="body2">
        {parent.namespace}/{parent.name}
      </Typography>
    </Box>
  );
}

export interface FleetTableProps {
  cluster: string;
  objects: GitOpsObject[];
  entities: Map<string, Entity[]>;
  pending: Record<string, ObjectAction>;
  onAction: (action: ObjectAction, object: GitOpsObject) => void;
}

/** The objects of one cluster. */
export function FleetTable(props: FleetTableProps) {
  const classes = useStyles();
  return (
    <TableContainer component={Paper} data-testid={`gitops-cluster-${props.cluster}`} style={{ marginBottom: 24 }}>
      <Box px={2} pt={2}>
        <Typography variant="h6" component="h2">
          Cluster {props.cluster}
        </Typography>
      </Box>
      <Table size="small" aria-label={`GitOps objects on cluster ${props.cluster}`}>
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column} style={{ whiteSpace: 'nowrap' }}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.objects.map(object => {
            const id = formatObjectId(object);
            return (
              <TableRow key={id} hover data-testid={`gitops-object-${id}`}>
                <TableCell className={classes.compact}>
                  <Typography variant="caption" color="textSecondary" display="block">
                    {object.kind}
                  </Typography>
                  <Typography variant="body2" style={{ fontWeight: 600 }}>
                    {object.name}
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {object.namespace}
                  </Typography>
                </TableCell>
                <TableCell className={classes.status}>
                  <StatusCell object={object} />
                </TableCell>
                <TableCell className={classes.compact}>
                  <RevisionCell object={object} />
                </TableCell>
                <TableCell className={classes.compact}>
                  <RelativeTime timestamp={object.lastReconciledAt ?? object.status.lastHandledReconcileAt} />
                </TableCell>
                <TableCell className={classes.origin}>
                  <Origin origin={object.origin} />
                </TableCell>
                <TableCell className={classes.compact}>
                  {(props.entities.get(id) ?? []).map(entity => (
                    <Box key={`${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`}>
                      <EntityRefLink entityRef={entity} />
                    </Box>
                  ))}
                </TableCell>
                <TableCell className={classes.compact}>
                  <ObjectActions object={object} pending={props.pending[id]} onAction={props.onAction} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
