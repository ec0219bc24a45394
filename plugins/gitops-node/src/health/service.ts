import { listField, stringField } from './fields';
import { HealthResult, LiveObject, current, inProgress } from './types';

/** A LoadBalancer Service is ready once its load balancer reports an ingress point; other types at once. */
export function serviceHealth(object: LiveObject): HealthResult {
  const type = stringField(object, 'spec.type', 'ClusterIP');
  if (type !== 'LoadBalancer') return current('Service is ready');
  const points = listField(object, 'status.loadBalancer.ingress')
    .map(entry => {
      const point = entry as { ip?: unknown; hostname?: unknown } | null;
      return String(point?.ip ?? point?.hostname ?? '');
    })
    .filter(Boolean);
  if (points.length === 0) return inProgress('Waiting for the load balancer to report an ingress point');
  return current(`Service is ready. Load balancer: ${points.join(', ')}`);
}
