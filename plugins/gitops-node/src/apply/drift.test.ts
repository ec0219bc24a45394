import { hasDrifted, semanticEqual } from './drift';

const live = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'settings',
    namespace: 'web',
    resourceVersion: '41',
    uid: 'a1',
    labels: { app: 'web' },
    managedFields: [{ manager: 'gitops' }],
  },
  data: { mode: 'fast' },
};

describe('hasDrifted', () => {
  it('is false when only bookkeeping differs', () => {
    const dryRun = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '41', managedFields: [{ manager: 'gitops', time: 'later' }], generation: 9 },
      status: { anything: true },
    };
    expect(hasDrifted(live, dryRun)).toBe(false);
  });

  it('is true for a new object (the dry run has no resourceVersion)', () => {
    const { resourceVersion: _rv, ...metadata } = live.metadata;
    expect(hasDrifted(undefined, { ...live, metadata })).toBe(true);
    expect(hasDrifted(live, { ...live, metadata })).toBe(true);
  });

  it('is true when data, labels or annotations differ', () => {
    expect(hasDrifted(live, { ...live, data: { mode: 'slow' } })).toBe(true);
    expect(hasDrifted(live, { ...live, metadata: { ...live.metadata, labels: { app: 'api' } } })).toBe(true);
    expect(hasDrifted(live, { ...live, metadata: { ...live.metadata, annotations: { note: 'x' } } })).toBe(true);
  });
});

describe('semanticEqual', () => {
  it('treats absent, null, empty lists and empty maps alike', () => {
    expect(semanticEqual({ a: {} }, {})).toBe(true);
    expect(semanticEqual({ a: [] }, { a: null })).toBe(true);
    expect(semanticEqual(undefined, {})).toBe(true);
  });

  it('compares lists in order and scalars by value', () => {
    expect(semanticEqual([1, 2], [2, 1])).toBe(false);
    expect(semanticEqual({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toBe(true);
    expect(semanticEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(semanticEqual({ a: [1] }, { a: { 0: 1 } })).toBe(false);
  });
});
