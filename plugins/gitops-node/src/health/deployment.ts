import { boolField, conditions, intField } from './fields';
import { HealthResult, LiveObject, current, failed, inProgress } from './types';

/** The controller only tracks a progress deadline when one is set; without it, rollouts count as progressing. */
const NO_DEADLINE = 2147483647;

/** kstatus' Deployment rules, plus paused rollouts: they report where they stopped instead of waiting forever. */
export function deploymentHealth(object: LiveObject): HealthResult {
  let progressing = intField(object, 'spec.progressDeadlineSeconds', NO_DEADLINE) === NO_DEADLINE;
  let available = false;
  for (const condition of conditions(object)) {
    if (condition.type === 'Progressing') {
      if (condition.reason === 'ProgressDeadlineExceeded') {
        return failed(`Progress deadline exceeded${condition.message ? `: ${condition.message}` : ''}`);
      }
      if (condition.status === 'True' && condition.reason === 'NewReplicaSetAvailable') progressing = true;
    }
    if (condition.type === 'Available' && condition.status === 'True') available = true;
  }

  const spec = intField(object, 'spec.replicas', 1);
  const replicas = intField(object, 'status.replicas', 0);
  const updated = intField(object, 'status.updatedReplicas', 0);
  const ready = intField(object, 'status.readyReplicas', 0);
  const availableReplicas = intField(object, 'status.availableReplicas', 0);
  const paused = boolField(object, 'spec.paused', false);
  const pausedNote = paused ? 'Deployment is paused: rollout stopped until spec.paused is false. ' : '';

  if (spec > replicas) return inProgress(`${pausedNote}Replicas: ${replicas}/${spec}`);
  if (spec > updated) return inProgress(`${pausedNote}Updated: ${updated}/${spec}`);
  if (replicas > spec) return inProgress(`${pausedNote}Pending termination: ${replicas - spec}`);
  if (updated > availableReplicas) return inProgress(`${pausedNote}Available: ${availableReplicas}/${updated}`);
  if (spec > ready) return inProgress(`${pausedNote}Ready: ${ready}/${spec}`);
  // A paused Deployment never reports NewReplicaSetAvailable; its replica counts are the evidence left.
  if (paused) return current(`Deployment is paused with all replicas available. Replicas: ${replicas}`);
  if (!progressing) return inProgress('ReplicaSet not Available');
  if (!available) return inProgress('Deployment not Available');
  return current(`Deployment is available. Replicas: ${replicas}`);
}
