import { hasField, intField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

/** kstatus' DaemonSet rules. A DaemonSet the controller has acted on always reports its generation. */
export function daemonSetHealth(object: LiveObject): HealthResult {
  if (!hasField(object, 'metadata.generation')) return inProgress('DaemonSet metadata.generation not found');
  if (!hasField(object, 'status.observedGeneration')) return inProgress('DaemonSet status.observedGeneration not found');
  const desired = intField(object, 'status.desiredNumberScheduled', -1);
  const scheduled = intField(object, 'status.currentNumberScheduled', 0);
  const updated = intField(object, 'status.updatedNumberScheduled', 0);
  const available = intField(object, 'status.numberAvailable', 0);
  const ready = intField(object, 'status.numberReady', 0);

  if (desired === -1) return inProgress('Missing status.desiredNumberScheduled');
  if (desired > scheduled) return inProgress(`Current: ${scheduled}/${desired}`);
  if (desired > updated) return inProgress(`Updated: ${updated}/${desired}`);
  if (desired > available) return inProgress(`Available: ${available}/${desired}`);
  if (desired > ready) return inProgress(`Ready: ${ready}/${desired}`);
  return current(`All replicas scheduled as expected. Replicas: ${desired}`);
}
