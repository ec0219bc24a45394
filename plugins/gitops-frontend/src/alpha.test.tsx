import gitopsPlugin from './alpha';

describe('gitops plugin for the new frontend system', () => {
  it('provides the API, the entity tab and the entity card under stable ids', () => {
    expect(gitopsPlugin.id).toBe('gitops');
    for (const id of ['api:gitops', 'page:gitops', 'entity-content:gitops', 'entity-card:gitops']) {
      expect(gitopsPlugin.getExtension(id as any)).toBeDefined();
    }
    expect(() => gitopsPlugin.getExtension('entity-card:not-there' as any)).toThrow();
  });
});
