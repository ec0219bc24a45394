import { findCondition, listField, stringField } from './fields';
import { HealthResult, HealthOptions, LiveObject, current, failed, inProgress } from './types';

/** How long a Pod may wait for a node before it counts as unschedulable (kstatus' window). */
export const SCHEDULE_WINDOW_MS = 15_000;

/** kstatus' Pod rules, except that a Pod that ran and failed is Failed rather than Current. */
export function podHealth(object: LiveObject, options: Required<HealthOptions>): HealthResult {
  const phase = stringField(object, 'status.phase', '');
  switch (phase) {
    case 'Succeeded':
      return current('Pod has completed successfully');
    case 'Failed':
      return failed(`Pod has completed, but not successfully${reasonSuffix(object)}`);
    case 'Running': {
      if (findCondition(object, 'Ready')?.status === 'True') return current('Pod is Ready');
      const crashing = crashLoopingContainers(object);
      if (crashing.length > 0) return failed(`Containers in CrashLoop state: ${crashing.join(',')}`);
      return inProgress('Pod is running but is not Ready');
    }
    case 'Pending': {
      const scheduled = findCondition(object, 'PodScheduled');
      if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
        const created = Date.parse(stringField(object, 'metadata.creationTimestamp', ''));
        if (Number.isFinite(created) && options.now.getTime() - created < SCHEDULE_WINDOW_MS) {
          return inProgress('Pod has not been scheduled');
        }
        return failed(`Pod could not be scheduled${scheduled.message ? `: ${scheduled.message}` : ''}`);
      }
      return inProgress('Pod is in the Pending phase');
    }
    case '':
      return inProgress('Pod phase not available');
    default:
      return { status: 'Unknown', message: `Pod is in an unknown phase "${phase}"` };
  }
}

function reasonSuffix(object: LiveObject): string {
  const reason = stringField(object, 'status.reason', '');
  const message = stringField(object, 'status.message', '');
  if (!reason && !message) return '';
  return `: ${[reason, message].filter(Boolean).join(': ')}`;
}

function crashLoopingContainers(object: LiveObject): string[] {
  const names: string[] = [];
  for (const entry of listField(object, 'status.containerStatuses')) {
    const status = entry as { name?: unknown; state?: { waiting?: { reason?: unknown } } } | null;
    if (status && typeof status.name === 'string' && status.state?.waiting?.reason === 'CrashLoopBackOff') {
      names.push(status.name);
    }
  }
  return names;
}
