import { conditions, describeCondition, hasField, intField, stringField } from './fields';
import { HealthResult, LiveObject, current, failed, inProgress } from './types';

function kindOf(object: LiveObject): string {
  return typeof object.kind === 'string' && object.kind ? object.kind : 'Object';
}

/**
 * The checks every kind shares, in kstatus' order: deletion, then generation lag, then the standard
 * Reconciling and Stalled conditions. Undefined when none of them decides.
 */
export function genericProperties(object: LiveObject): HealthResult | undefined {
  if (stringField(object, 'metadata.deletionTimestamp', '')) {
    return { status: 'Terminating', message: 'Resource scheduled for deletion' };
  }
  const lag = generationLag(object);
  if (lag) return lag;
  for (const condition of conditions(object)) {
    if (condition.type === 'Reconciling' && condition.status === 'True') return inProgress(describeCondition(condition));
    if (condition.type === 'Stalled' && condition.status === 'True') return failed(describeCondition(condition));
  }
  return undefined;
}

/** The controller has not yet seen the latest spec: whatever the status says is about an older one. */
export function generationLag(object: LiveObject): HealthResult | undefined {
  if (!hasField(object, 'metadata.generation') || !hasField(object, 'status.observedGeneration')) return undefined;
  const generation = intField(object, 'metadata.generation', 0);
  const observed = intField(object, 'status.observedGeneration', 0);
  if (observed === generation) return undefined;
  return inProgress(`${kindOf(object)} generation is ${generation}, but latest observed generation is ${observed}`);
}

/**
 * For kinds with no rule of their own: the widely used Ready condition decides; without one the object is
 * taken as current once the generic checks pass.
 */
export function genericHealth(object: LiveObject): HealthResult {
  const ready = conditions(object).find(condition => condition.type === 'Ready');
  if (!ready) return current('Resource is current');
  if (ready.status === 'True') return current(ready.message || 'Resource is Ready');
  return inProgress(`Ready condition is ${ready.status || 'empty'}: ${describeCondition(ready)}`);
}
