import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { shortRevision } from '../../lib/revision';

const useStyles = makeStyles({
  revision: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    wordBreak: 'break-all',
  },
});

/** A Flux revision (`main@sha1:0123abcd`), shortened, with the full value on hover. */
export function Revision(props: { revision?: string; label?: string }) {
  const classes = useStyles();
  if (!props.revision) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        none
      </Typography>
    );
  }
  const text = shortRevision(props.revision);
  return (
    <Tooltip title={props.label ? `${props.label}: ${props.revision}` : props.revision}>
      <Typography variant="body2" component="span" className={classes.revision}>
        {text}
      </Typography>
    </Tooltip>
  );
}
