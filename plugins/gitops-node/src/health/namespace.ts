import { stringField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

export function namespaceHealth(object: LiveObject): HealthResult {
  const phase = stringField(object, 'status.phase', '');
  if (phase === 'Active') return current('Namespace is active');
  if (phase === 'Terminating') return { status: 'Terminating', message: 'Namespace is terminating' };
  return inProgress(phase ? `Namespace is in phase ${phase}` : 'Namespace phase not reported');
}
