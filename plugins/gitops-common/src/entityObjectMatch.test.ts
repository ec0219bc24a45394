import { entityLinksObject } from './entityObjectMatch';

const object = {
  cluster: 'staging',
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'apps',
  labels: { 'backstage.io/kubernetes-id': 'podinfo' },
};
const annotated = (annotations: Record<string, string>) => ({ metadata: { annotations } });

describe('entityLinksObject', () => {
  it('matches a full id in the objects annotation, among others', () => {
    expect(entityLinksObject(annotated({ 'gitops.backstage.io/objects': 'prod/HelmRelease/a/b, staging/Kustomization/flux-system/apps' }), object)).toBe(true);
    expect(entityLinksObject(annotated({ 'gitops.backstage.io/objects': 'prod/Kustomization/flux-system/apps' }), object)).toBe(false);
  });

  it('matches an id without cluster on the default cluster, or any cluster when that is unknown', () => {
    const entity = annotated({ 'gitops.backstage.io/objects': 'Kustomization/flux-system/apps' });
    expect(entityLinksObject(entity, object)).toBe(true);
    expect(entityLinksObject(entity, object, 'staging')).toBe(true);
    expect(entityLinksObject(entity, object, 'production')).toBe(false);
  });

  it('matches the kubernetes-id annotation against the object label', () => {
    expect(entityLinksObject(annotated({ 'backstage.io/kubernetes-id': 'podinfo' }), object)).toBe(true);
    expect(entityLinksObject(annotated({ 'backstage.io/kubernetes-id': 'other' }), object)).toBe(false);
  });

  it('links nothing through malformed ids or an entity without annotations', () => {
    expect(entityLinksObject(annotated({ 'gitops.backstage.io/objects': 'apps, a//b/c' }), object)).toBe(false);
    expect(entityLinksObject({ metadata: {} }, object)).toBe(false);
  });
});
