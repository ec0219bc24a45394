import { KubeApiError } from '../kube/errors';

/**
 * How the apiserver, admission webhooks and CEL rules say "this field cannot change": the Job template, a
 * Deployment's selector, a Service's clusterIP, a StatefulSet's volume claims, a PVC's spec.
 */
const IMMUTABLE_PATTERNS = [
  /is immutable/i,
  /immutable field/i,
  /may not change once set/i,
  /updates to [^:]* are forbidden/i,
  /spec is immutable/i,
  /cannot be changed/i,
];

export function isImmutableFieldError(error: unknown): boolean {
  if (!(error instanceof KubeApiError)) return false;
  if (error.status !== 422 && error.status !== 409 && error.status !== 400) return false;
  const texts = [error.apiMessage, ...error.causes.map(cause => cause.message ?? '')];
  return texts.some(text => IMMUTABLE_PATTERNS.some(pattern => pattern.test(text)));
}
