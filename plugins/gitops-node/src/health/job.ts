import { boolField, conditions, describeCondition, hasField, intField, stringField } from './fields';
import { HealthResult, LiveObject, current, failed, inProgress } from './types';

/**
 * A Job is Current once complete (or suspended on purpose) and Failed once the controller gives up on it.
 * Unlike kstatus, a Job still running is InProgress: waiting on a Job means waiting for its outcome.
 */
export function jobHealth(object: LiveObject): HealthResult {
  const parallelism = intField(object, 'spec.parallelism', 1);
  const completions = intField(object, 'spec.completions', parallelism);
  const succeeded = intField(object, 'status.succeeded', 0);
  const active = intField(object, 'status.active', 0);
  const failedPods = intField(object, 'status.failed', 0);
  const suspended = boolField(object, 'spec.suspend', false);

  for (const condition of conditions(object)) {
    if (condition.status !== 'True') continue;
    if (condition.type === 'Complete') return current(`Job completed. Succeeded: ${succeeded}/${completions}`);
    // FailureTarget comes first: the Job is terminating its Pods and will be marked Failed.
    if (condition.type === 'Failed' || condition.type === 'FailureTarget') {
      return failed(`Job failed (${describeCondition(condition)}). Failed pods: ${failedPods}`);
    }
    if (condition.type === 'Suspended' && suspended) return current('Job is suspended');
  }

  if (!stringField(object, 'status.startTime', '')) return inProgress('Job not started');
  const counts = `succeeded: ${succeeded}/${completions}, active: ${active}, failed: ${failedPods}`;
  if (failedPods > 0 && hasField(object, 'spec.backoffLimit')) {
    const limit = intField(object, 'spec.backoffLimit', 6);
    return inProgress(`Job in progress, retrying failed pods with back-off (limit ${limit}). ${counts}`);
  }
  return inProgress(`Job in progress. ${counts}`);
}
