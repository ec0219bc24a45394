import { resolveKind } from './kinds';
import { formatTable } from './table';

describe('resolveKind', () => {
  it.each([
    ['ks', 'Kustomization'],
    ['Kustomization', 'Kustomization'],
    ['hr', 'HelmRelease'],
    ['HelmReleases', 'HelmRelease'],
    ['gitrepo', 'GitRepository'],
  ])('resolves %s to %s', (input, kind) => {
    expect(resolveKind(input)).toBe(kind);
  });

  it('names the valid kinds when the input is unknown', () => {
    expect(() => resolveKind('deployment')).toThrow(/unknown kind 'deployment'.*Kustomization/);
  });
});

describe('formatTable', () => {
  it('aligns columns to the widest cell', () => {
    expect(formatTable(['A', 'LONG'], [['xyz', '1'], ['q', '22']])).toBe('A     LONG\nxyz   1\nq     22');
  });
});
