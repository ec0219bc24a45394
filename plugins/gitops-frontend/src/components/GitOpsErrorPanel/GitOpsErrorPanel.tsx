import Button from '@material-ui/core/Button';
import { WarningPanel } from '@backstage/core-components';
import { describeError } from '../../lib/errors';

/** A failed load, with the backend's own message (never a stack trace) and a way to try again. */
export function GitOpsErrorPanel(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const { title, message } = describeError(props.error);
  return (
    <WarningPanel
      severity="error"
      title={props.title ?? 'Could not load GitOps objects'}
      message={`${title}: ${message}`}
      defaultExpanded
    >
      {props.onRetry && (
        <Button variant="outlined" size="small" onClick={props.onRetry}>
          Try again
        </Button>
      )}
    </WarningPanel>
  );
}
