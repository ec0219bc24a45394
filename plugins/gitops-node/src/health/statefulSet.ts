import { intField, stringField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

/** kstatus' StatefulSet rules: replica counts, partitioned rollouts, revisions. */
export function statefulSetHealth(object: LiveObject): HealthResult {
  if (stringField(object, 'spec.updateStrategy.type', '') === 'OnDelete') {
    return current('StatefulSet is using the OnDelete update strategy');
  }
  const spec = intField(object, 'spec.replicas', 1);
  const ready = intField(object, 'status.readyReplicas', 0);
  const currentReplicas = intField(object, 'status.currentReplicas', 0);
  const updated = intField(object, 'status.updatedReplicas', 0);
  const replicas = intField(object, 'status.replicas', 0);
  const partition = intField(object, 'spec.updateStrategy.rollingUpdate.partition', -1);

  if (spec > replicas) return inProgress(`Replicas: ${replicas}/${spec}`);
  if (spec > ready) return inProgress(`Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress(`Pending termination: ${replicas - spec}`);
  if (partition !== -1) {
    const target = Math.max(spec - partition, 0);
    if (updated < target) return inProgress(`Partitioned rollout: updated ${updated}/${target}`);
    return current(`Partition rollout complete. Updated: ${updated}`);
  }
  if (spec > currentReplicas) return inProgress(`Current: ${currentReplicas}/${spec}`);
  if (stringField(object, 'status.currentRevision', '') !== stringField(object, 'status.updateRevision', '')) {
    return inProgress('Waiting for the updated revision to match the current one');
  }
  return current(`All replicas scheduled as expected. Replicas: ${replicas}`);
}
