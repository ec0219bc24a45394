import { conditions, describeCondition } from './fields';
import { HealthResult, LiveObject, current, failed, inProgress } from './types';

/** kstatus' CRD rules: Established, unless the names were rejected. */
export function customResourceDefinitionHealth(object: LiveObject): HealthResult {
  for (const condition of conditions(object)) {
    if (condition.type === 'NamesAccepted' && condition.status === 'False') return failed(describeCondition(condition));
    if (condition.type === 'Established') {
      if (condition.status === 'False' && condition.reason !== 'Installing') return failed(describeCondition(condition));
      if (condition.status === 'True') return current('CRD is established');
    }
  }
  return inProgress('CRD install in progress');
}
