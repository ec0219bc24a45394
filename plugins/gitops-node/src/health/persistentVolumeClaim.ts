import { stringField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

export function persistentVolumeClaimHealth(object: LiveObject): HealthResult {
  const phase = stringField(object, 'status.phase', 'unknown');
  if (phase === 'Lost') return { status: 'Failed', message: 'PVC lost its volume. Phase: Lost' };
  if (phase !== 'Bound') return inProgress(`PVC is not Bound. Phase: ${phase}`);
  return current('PVC is Bound');
}
