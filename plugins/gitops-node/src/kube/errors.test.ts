import { KubeApiError } from './errors';

describe('KubeApiError', () => {
  it('keeps the field and the verdict of huge messages', () => {
    const value = `{${'"Name":"x",'.repeat(500)}}`;
    const error = new KubeApiError({
      status: 422,
      reason: 'Invalid',
      message: `Job.batch "j" is invalid: spec.template: Invalid value: ${value}: field is immutable`,
      causes: [{ field: 'spec.template', message: `Invalid value: ${value}: field is immutable`, reason: 'FieldValueInvalid' }],
      request: 'PATCH /apis/batch/v1/namespaces/a/jobs/j',
    });
    expect(error.summary.length).toBeLessThan(300);
    expect(error.summary).toMatch(/^spec.template: Invalid value: .* field is immutable$/);
    expect(error.message).toMatch(/^PATCH \/apis\/batch\/v1\/namespaces\/a\/jobs\/j: spec.template/);
    expect(error.apiMessage).toContain(value);
  });

  it('names a reason from the status when the apiserver gave none', () => {
    expect(new KubeApiError({ status: 404, message: 'x' }).reason).toBe('NotFound');
    expect(new KubeApiError({ status: 0, message: 'x' }).reason).toBe('ConnectionFailed');
    expect(new KubeApiError({ status: 503, message: 'x' }).reason).toBe('InternalError');
  });
});
