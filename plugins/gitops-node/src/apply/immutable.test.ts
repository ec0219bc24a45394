import { KubeApiError } from '../kube/errors';
import { isImmutableFieldError } from './immutable';

function invalid(message: string, causes = [] as Array<{ field: string; message: string }>) {
  return new KubeApiError({ status: 422, reason: 'Invalid', message, causes });
}

describe('isImmutableFieldError', () => {
  it.each([
    ['Deployment selector', 'Deployment.apps "d" is invalid: spec.selector: Invalid value: {}: field is immutable'],
    ['Service clusterIP', 'Service "s" is invalid: spec.clusterIPs[0]: Invalid value: ["10.0.0.5"]: may not change once set'],
    [
      'StatefulSet spec',
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'template' are forbidden",
    ],
    ['CEL rule', 'Widget.example.com "w" is invalid: spec.size: Invalid value: 3: size is immutable'],
  ])('recognises %s', (_name, message) => {
    expect(isImmutableFieldError(invalid(message))).toBe(true);
  });

  it('does not take other validation errors or other statuses for immutability', () => {
    expect(isImmutableFieldError(invalid('ConfigMap "c" is invalid: data[x y]: Invalid value: "x y": a valid config key'))).toBe(false);
    expect(isImmutableFieldError(new KubeApiError({ status: 500, message: 'field is immutable' }))).toBe(false);
    expect(isImmutableFieldError(new Error('field is immutable'))).toBe(false);
  });

  it('reads the causes too', () => {
    expect(isImmutableFieldError(invalid('Job.batch "j" is invalid', [{ field: 'spec.template', message: 'field is immutable' }]))).toBe(true);
  });
});
