import { describeCondition, findCondition, intField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

/** kstatus' ReplicaSet rules. */
export function replicaSetHealth(object: LiveObject): HealthResult {
  const failure = findCondition(object, 'ReplicaFailure');
  if (failure?.status === 'True') return inProgress(`Replica failure, check the Pods: ${describeCondition(failure)}`);
  const spec = intField(object, 'spec.replicas', 1);
  const replicas = intField(object, 'status.replicas', 0);
  const ready = intField(object, 'status.readyReplicas', 0);
  const available = intField(object, 'status.availableReplicas', 0);
  const labelled = intField(object, 'status.fullyLabeledReplicas', 0);

  if (spec > labelled) return inProgress(`Labelled: ${labelled}/${spec}`);
  if (spec > available) return inProgress(`Available: ${available}/${spec}`);
  if (spec > ready) return inProgress(`Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress(`Pending termination: ${replicas - spec}`);
  return current(`ReplicaSet is available. Replicas: ${replicas}`);
}
