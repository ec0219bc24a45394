import { sortForApply, sortForDelete } from './sort';

const ref = (apiVersion: string, kind: string, name: string, namespace?: string) => ({ apiVersion, kind, name, namespace });

describe('apply order', () => {
  const objects = [
    ref('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'hook'),
    ref('example.com/v1', 'Widget', 'w', 'b'),
    ref('apps/v1', 'Deployment', 'web', 'b'),
    ref('v1', 'Service', 'web', 'b'),
    ref('v1', 'Namespace', 'b'),
    ref('apps/v1', 'Deployment', 'api', 'a'),
    ref('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
    ref('v1', 'ConfigMap', 'settings', 'b'),
  ];

  it('puts definitions first, known kinds in Flux order, other kinds after, webhooks last', () => {
    expect(sortForApply(objects, o => o).map(o => `${o.kind}/${o.namespace ?? ''}/${o.name}`)).toEqual([
      'CustomResourceDefinition//widgets.example.com',
      'Namespace//b',
      'ConfigMap/b/settings',
      'Service/b/web',
      'Deployment/a/api',
      'Deployment/b/web',
      'Widget/b/w',
      'ValidatingWebhookConfiguration//hook',
    ]);
  });

  it('deletes in the reverse order', () => {
    expect(sortForDelete(objects, o => o)).toEqual(sortForApply(objects, o => o).reverse());
  });
});
